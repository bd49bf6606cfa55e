import type { TurnEvent } from '../../protocol/turn-events.ts';
import type { TurnFeed } from '../chat/turn-feed.ts';
import { conversationRoom, type KilnSocketServer } from './chat-gateway.ts';

/**
 * How this server's turn events reach every server's tabs when servers share the database (KILN_CLUSTER=on).
 * Emitting each event to the room through the Postgres adapter would cost a NOTIFY per event, one after another
 * on the adapter's connection; that capped a server at about a quarter of the chats it takes alone. So each event
 * goes to this server's own sockets at once, and the other servers get this server's events in batches: every
 * event of every turn in a 2 ms window (longer while the last batch is still being published), in order, as one
 * server-side event, which each emits to its own sockets in the room and publishes to its `feed` (for its SSE and
 * raw WebSocket followers). Returns the emitter for this server's events.
 */
export function clusterTurnFanOut(
  io: KilnSocketServer,
  feed: TurnFeed,
  windowMs = 2,
): (conversationId: string, event: TurnEvent) => void {
  io.on('turn:batch', (batch) => {
    for (const { conversationId, event } of batch) {
      io.local.to(conversationRoom(conversationId)).emit('turn:event', event);
      feed.publish(event);
    }
  });
  let batch: { conversationId: string; event: TurnEvent }[] = [];
  let timer: NodeJS.Timeout | undefined;
  let sending = Promise.resolve();
  // One batch at a time: the next is published once the last is (a batch over NOTIFY's limit is written to a table
  // first; a smaller one sent meanwhile would overtake it). Events arriving meanwhile join the next batch.
  const send = () => {
    sending = sending.then(async () => {
      timer = undefined;
      const events = batch;
      batch = [];
      // The adapter's own method, which resolves once published (Socket.IO's `serverSideEmit` does not say).
      const adapter = io.of('/').adapter as unknown as { serverSideEmit(packet: unknown[]): Promise<unknown> };
      await adapter.serverSideEmit(['turn:batch', events]);
    });
  };
  return (conversationId, event) => {
    io.local.to(conversationRoom(conversationId)).emit('turn:event', event);
    batch.push({ conversationId, event });
    timer ??= setTimeout(send, windowMs);
  };
}
