import type { TurnEvent } from '../../protocol/turn-events.ts';
import type { TurnPeers } from '../chat/turn-peers.ts';
import type { TurnRegistry } from '../chat/turn-registry.ts';
import type { KilnSocketServer } from './chat-gateway.ts';

/**
 * The other servers, reached through Socket.IO's server-side events (the Postgres adapter carries them). This
 * server answers theirs from its registry. A question waits for every other server's answer, at most the
 * adapter's 5 s when one has died unnoticed; the answers that came are used.
 */
export function socketTurnPeers(io: KilnSocketServer, registry: TurnRegistry): TurnPeers {
  io.on('turn:stop', (request, answer) => answer(registry.stop(request.turnId, request.ownerId)));
  io.on('turn:events', (request, answer) => {
    const log = registry.find(request.turnId, request.ownerId);
    answer(log ? { events: log.events.slice(Math.max(0, request.afterSeq)), finished: log.finished } : null);
  });
  // Socket.IO types the asker's callback as the answerer's (`answer(x)`); it is really `(error, answers[])`, hence
  // the casts below.
  const ask = <Answer>(emit: (callback: (error: unknown, answers: Answer[]) => void) => void) =>
    new Promise<Answer[]>((resolve) => emit((_error, answers) => resolve(answers ?? [])));
  return {
    async stop(turnId, ownerId) {
      const answers = await ask<boolean>((callback) =>
        io.serverSideEmit('turn:stop', { turnId, ownerId }, callback as never),
      );
      return answers.includes(true);
    },
    async events(turnId, ownerId, afterSeq) {
      const answers = await ask<{ events: TurnEvent[]; finished: boolean } | null>((callback) =>
        io.serverSideEmit('turn:events', { turnId, ownerId, afterSeq }, callback as never),
      );
      return answers.find((answer) => answer !== null) ?? undefined;
    },
  };
}
