// `npm run bench:chat`: server-added time to first token at a steady 50 new chats per second, Kiln side by side
// with a bare Socket.IO relay in the same run, both in front of the same instant local model. Time to first token
// is measured by the client: from emitting `message:send` to receiving the first `text.delta`. Each server's CPU time
// per chat is read from /proc. KILN_NODE_OPTIONS passes options to the Kiln process (a profiler's `--import`).
import os from 'node:os';
import { startBenchKiln } from './bench/bench-kiln.ts';
import { startChild } from './bench/start-child.ts';
import { connectAll, load, measured, percentile } from './bench/chat-load.ts';

const ratePerSecond = Number(process.env.BENCH_RATE ?? 50);
const measureSeconds = Number(process.env.BENCH_SECONDS ?? 20);
const warmupSeconds = 3;
const clients = 10;

const round = (value: number) => Math.round(value * 100) / 100;

const model = await startChild('scripts/bench/instant-model.ts', []);
const relay = await startChild('scripts/bench/bare-relay.ts', [model.url]);
const kiln = await startBenchKiln('kiln-bench-chat', {
  // One user carries the whole load, which its request and concurrency quotas would refuse (they have their own
  // tests); the daily token quota stays on, so its check is part of each measured turn.
  KILN_QUOTA_REQUESTS_PER_MINUTE: '0',
  KILN_QUOTA_CONCURRENT_TURNS: '0',
  OPENAI_BASE_URL: `${model.url}/v1`,
  LLM_MODEL: 'instant',
  NODE_OPTIONS: process.env.KILN_NODE_OPTIONS ?? '',
});
const { url } = kiln;

const register = await fetch(`${url}/api/v1/auth/register`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'bench@example.com', password: 'correct horse battery' }),
});
const { token } = (await register.json()) as { token: string };
const newKilnChat = async (index: number) => {
  const response = await fetch(`${url}/api/v1/conversations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{}',
  });
  const { id } = (await response.json()) as { id: string };
  return { conversationId: id, content: `Question number ${index}: how do I debounce a function?` };
};
const newRelayChat = async (index: number) => ({ content: `Question number ${index}: how do I debounce a function?` });

const relaySockets = await connectAll(relay.url, clients);
const kilnSockets = await connectAll(url, clients, token);
await load(relaySockets, warmupSeconds, ratePerSecond, newRelayChat);
await load(kilnSockets, warmupSeconds, ratePerSecond, newKilnChat);
// Interleaved halves, so drift on the machine falls on both sides alike.
const relayTimes: number[] = [];
const kilnTimes: number[] = [];
let relayCpuMs = 0;
let kilnCpuMs = 0;
for (let half = 0; half < 2; half += 1) {
  const relayHalf = await measured(relay.pid, relaySockets, measureSeconds / 2, ratePerSecond, newRelayChat);
  relayTimes.push(...relayHalf.times);
  relayCpuMs += relayHalf.cpuMs;
  const kilnHalf = await measured(kiln.kiln.pid, kilnSockets, measureSeconds / 2, ratePerSecond, newKilnChat);
  kilnTimes.push(...kilnHalf.times);
  kilnCpuMs += kilnHalf.cpuMs;
}

const summary = (times: number[]) => ({
  median: round(percentile(times, 50)),
  p90: round(percentile(times, 90)),
  p99: round(percentile(times, 99)),
});
const relayStats = summary(relayTimes);
const kilnStats = summary(kilnTimes);
const addedMedian = round(kilnStats.median - relayStats.median);
const addedP99 = round(kilnStats.p99 - relayStats.p99);
console.log(
  `\n${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`,
);
console.log(
  `${ratePerSecond} new chats/s, ${measureSeconds} s measured per server (${kilnTimes.length} chats each), ${clients} Socket.IO clients, instant local model (OpenAI wire format)\n`,
);
console.log('| time to first token (ms) | median | p90 | p99 |');
console.log('| --- | --- | --- | --- |');
console.log(`| bare Socket.IO relay | ${relayStats.median} | ${relayStats.p90} | ${relayStats.p99} |`);
console.log(`| Kiln | ${kilnStats.median} | ${kilnStats.p90} | ${kilnStats.p99} |`);
console.log(`| Kiln − relay | ${addedMedian} | ${round(kilnStats.p90 - relayStats.p90)} | ${addedP99} |`);
// CPU per chat explains the tail: a server busy most of each second queues the chats behind one another.
console.log(
  `\nserver CPU per chat (user + system, 10 ms ticks): relay ${round(relayCpuMs / relayTimes.length)} ms, Kiln ${round(kilnCpuMs / kilnTimes.length)} ms (the Kiln process alone; its Postgres and Chroma are not counted)`,
);
const medianOk = kilnStats.median <= 2 * relayStats.median;
const p99Ok = addedP99 <= 10;
console.log(
  `\nmedian ≤ 2 × relay: ${medianOk ? 'met' : 'NOT met'} (${round(kilnStats.median / relayStats.median)}×); p99 added ≤ 10 ms: ${p99Ok ? 'met' : 'NOT met'} (${addedP99} ms)`,
);

for (const socket of [...relaySockets, ...kilnSockets]) socket.close();
await kiln.stop();
relay.stop();
model.stop();
process.exit(medianOk && p99Ok ? 0 : 1);
