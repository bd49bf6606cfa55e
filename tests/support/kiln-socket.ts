import { io as connectSocketIo } from 'socket.io-client';
import type { TurnEvent } from '../../protocol/turn-events.ts';

/** A connected Socket.IO client of a Kiln server (WebSocket transport) collecting every `turn:event`. */
export async function connectKilnSocket(url: string, token: string) {
  const client = connectSocketIo(url, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  const events: TurnEvent[] = [];
  client.on('turn:event', (event: TurnEvent) => events.push(event));
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('connect_error', reject);
  });
  const request = <T = any>(event: string, payload: unknown) =>
    new Promise<T>((resolve) => client.emit(event, payload, (answer: T) => resolve(answer)));
  const until = async (predicate: (events: TurnEvent[]) => boolean, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(events)) {
      if (Date.now() > deadline)
        throw new Error(`timed out; events so far: ${JSON.stringify(events.map((event) => [event.seq, event.type]))}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return events;
  };
  return { client, events, request, until };
}
