import { readFileSync } from 'node:fs';
import { io as connect, type Socket } from 'socket.io-client';

// The chat load of `bench:chat` and `bench:capacity`: Socket.IO clients sending new chats open-loop at a fixed
// rate, each timed by the client from emitting `message:send` to the first `text.delta` of its turn.

export async function connectAll(url: string, clients: number, token?: string): Promise<Socket[]> {
  return Promise.all(
    Array.from({ length: clients }, () => {
      const socket = connect(url, {
        transports: ['websocket'],
        auth: token ? { token } : {},
        forceNew: true,
        reconnection: false,
      });
      return new Promise<Socket>((resolve, reject) => {
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', reject);
      });
    }),
  );
}

/** Sends new chats open-loop at `ratePerSecond` for `seconds` and returns each time to first token, in ms. */
export async function load(
  sockets: Socket[],
  seconds: number,
  ratePerSecond: number,
  newChat: (index: number) => Promise<object>,
): Promise<number[]> {
  const firstTokenAt = new Map<string, number>();
  const pending = new Map<string, (at: number) => void>();
  const onEvent = (event: { type: string; turnId: string }) => {
    if (event.type !== 'text.delta' || firstTokenAt.has(event.turnId)) return;
    const now = performance.now();
    firstTokenAt.set(event.turnId, now);
    pending.get(event.turnId)?.(now);
  };
  for (const socket of sockets) socket.on('turn:event', onEvent);
  const total = Math.round(seconds * ratePerSecond);
  const intervalMs = 1000 / ratePerSecond;
  const started = performance.now();
  const chats: Promise<number>[] = [];
  for (let index = 0; index < total; index += 1) {
    const due = started + index * intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const socket = sockets[index % sockets.length]!;
    chats.push(
      (async () => {
        const payload = await newChat(index);
        const sentAt = performance.now();
        const ack = await new Promise<{ ok: boolean; turnId: string; error?: unknown }>((resolve) =>
          socket.emit('message:send', payload, resolve),
        );
        if (!ack.ok) throw new Error(`send failed: ${JSON.stringify(ack.error)}`);
        const at =
          firstTokenAt.get(ack.turnId) ?? (await new Promise<number>((resolve) => pending.set(ack.turnId, resolve)));
        return at - sentAt;
      })(),
    );
  }
  const times = await Promise.all(chats);
  // Only this load's listener: the caller may have its own.
  for (const socket of sockets) socket.off('turn:event', onEvent);
  return times;
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux). */
export function cpuMs(pid: number): number {
  // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** `load`, also returning the CPU ms the server process used per chat while it ran. */
export async function measured(
  pid: number,
  ...args: Parameters<typeof load>
): Promise<{ times: number[]; cpuMs: number }> {
  const before = cpuMs(pid);
  const times = await load(...args);
  return { times, cpuMs: cpuMs(pid) - before };
}

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
