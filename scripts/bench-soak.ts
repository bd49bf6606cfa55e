// `npm run bench:soak`: Kiln under steady chat traffic for a long time (30 minutes; SOAK_MINUTES to change it), on
// loopback, in front of the instant local model: 10 Socket.IO clients send 10 new chats a second (each a new
// conversation, created through REST first), well under capacity. After 3 minutes of warm-up, the Kiln process's
// resident memory and open file descriptors are sampled every 10 s. At the end:
// - RSS growth: the least-squares slope of RSS over the measured minutes (target ≤ 1 MB/min);
// - open handles: file descriptors once the load has stopped and settled, against the same before the measured
//   part (target: no growth, give or take 5 for pools opening and closing connections);
// - every turn accounted for: each chat sent was acknowledged and got its `turn.end`, and Postgres holds exactly
//   that many turns, all complete.
// Idle memory per connected socket is `npm run bench:sockets`, on a quiet server: after a load, V8 gives memory
// back for minutes, which outweighed the sockets here. Exits non-zero when a target is missed.
import { readdirSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { startBenchKiln } from './bench/bench-kiln.ts';
import { rssOf } from './bench/resident-memory.ts';
import { connectAll, load } from './bench/chat-load.ts';
import { noQuotas } from './bench/no-quotas.ts';
import { startChild } from './bench/start-child.ts';

const minutes = Number(process.env.SOAK_MINUTES ?? 30);
const warmupMinutes = Math.min(3, minutes / 10);
const ratePerSecond = 10;
const sampleEveryMs = 10_000;

const fdsOf = (pid: number) => readdirSync(`/proc/${pid}/fd`).length;
const megabytes = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Least-squares slope of `points` ([x, y]). */
function slope(points: [number, number][]) {
  const n = points.length;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
  const numerator = points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const denominator = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  return denominator === 0 ? 0 : numerator / denominator;
}

const model = await startChild('scripts/bench/instant-model.ts', []);
const kiln = await startBenchKiln('kiln-bench-soak', {
  ...noQuotas,
  OPENAI_BASE_URL: `${model.url}/v1`,
  LLM_MODEL: 'instant',
});
const { url } = kiln;
const pid = kiln.kiln.pid;
// Unset when a step throws: the run failed.
let failed: boolean | undefined;
try {
  const registered = await fetch(`${url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'soak@example.com', password: 'correct horse battery' }),
  });
  const { token } = (await registered.json()) as { token: string };
  const sockets = await connectAll(url, 10, token);
  let sent = 0;
  const newChat = async (index: number) => {
    const response = await fetch(`${url}/api/v1/conversations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    const { id } = (await response.json()) as { id: string };
    sent += 1;
    return { conversationId: id, content: `Soak question ${index}: how do I debounce a function?` };
  };
  let ended = 0;
  for (const socket of sockets) {
    socket.on('turn:event', (event: { type: string }) => {
      if (event.type === 'turn.end') ended += 1;
    });
  }

  // `load` resolves once every chat of its span has its first token; spans of 10 s keep the load steady.
  const run = async (spanMinutes: number, onSpan?: () => void) => {
    const spans = Math.max(1, Math.round((spanMinutes * 60_000) / sampleEveryMs));
    for (let span = 0; span < spans; span += 1) {
      await load(sockets, sampleEveryMs / 1000, ratePerSecond, newChat);
      onSpan?.();
    }
  };
  await run(warmupMinutes);
  const startedAt = performance.now();
  const fdsBefore = fdsOf(pid);
  const samples: [number, number][] = [];
  await run(minutes - warmupMinutes, () => samples.push([(performance.now() - startedAt) / 60_000, rssOf(pid)]));
  // Every turn ends (title calls after it too); then the process settles.
  const deadline = Date.now() + 60_000;
  while (ended < sent && Date.now() < deadline) await sleep(200);
  await sleep(15_000);
  const fdsAfter = fdsOf(pid);

  const client = new pg.Client((await kiln.shared()).postgres);
  await client.connect();
  const { rows } = await client.query(`SELECT status, count(*)::int AS count FROM turns GROUP BY status`);
  await client.end();
  const turns = Object.fromEntries(rows.map((row: { status: string; count: number }) => [row.status, row.count]));

  for (const socket of sockets) socket.close();

  const growth = slope(samples.map(([minute, rss]) => [minute, rss / 2 ** 20]));
  const accounted = ended === sent && turns.complete === sent && Object.keys(turns).length === 1;
  const checks = {
    rss: growth <= 1,
    handles: fdsAfter <= fdsBefore + 5,
    turns: accounted,
  };
  console.log(
    `\n${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version} · ${minutes} min at ${ratePerSecond} new chats/s (${warmupMinutes} min warm-up)\n`,
  );
  console.log('| measure | result | target |');
  console.log('| --- | --- | --- |');
  console.log(
    `| RSS growth after warm-up | ${growth.toFixed(2)} MB/min (${megabytes(samples[0]![1])} → ${megabytes(samples.at(-1)![1])} MB) | ≤ 1 MB/min: ${checks.rss ? 'met' : 'MISSED'} |`,
  );
  console.log(
    `| open file descriptors | ${fdsBefore} → ${fdsAfter} | no growth: ${checks.handles ? 'met' : 'MISSED'} |`,
  );
  console.log(
    `| turns accounted for | ${sent} sent, ${ended} ended, Postgres: ${JSON.stringify(turns)} | all: ${checks.turns ? 'met' : 'MISSED'} |`,
  );
  failed = !Object.values(checks).every(Boolean);
} finally {
  await kiln.stop();
  model.stop();
}
process.exit(failed === false ? 0 : 1);
