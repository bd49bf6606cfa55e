// `npm run bench:exports`: the export of all a user's conversations as one ZIP (`GET /api/v1/exports`), for a user
// with 100 conversations and a user with 10,000, in one run. Kiln runs as `npm start` runs it, in its own process
// (offline engine), on a throwaway data dir; the conversations are written straight into its embedded Postgres
// (about 6 messages each, user and assistant alternating, a second branch in every 5th; each answer ~1.5 KB of
// Markdown with a code block and a turn row with intent, engine, usage and 2-3 citations). Each download is read
// as it streams (to a temporary file, then checked: end-of-central-directory record, entry count and the
// manifest's counts), timed, while the Kiln process's RSS is sampled every 100 ms from /proc. One unmeasured
// export of the small user runs first, so lazy loading and JIT warm-up do not count as the export's memory; the
// two measured exports then run back to back, with no idle time between them in which V8 would shrink its heap
// (an idle Kiln's RSS moves by ±40 MB with that alone, which made growth from an idle baseline a measure of noise).
// The 10,000 export is then prepared in the background too (`POST /api/v1/exports/archives`, built into Postgres),
// timed until ready with RSS sampled, downloaded and checked the same way.
// Target (exit 1 when missed, or when a ZIP is wrong): the peak RSS while exporting 10,000 conversations, either
// way, is at most 50 MB above the peak while exporting 100: memory does not grow with the number of conversations.
import { once } from 'node:events';
import { createWriteStream, existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import yauzl from 'yauzl';
import type { ExportManifest } from '../protocol/conversation-export.ts';
import { KilnProcess } from '../tests/support/kiln-process.ts';
import { temporaryDirectory } from '../tests/support/temporary-directory.ts';
import { noQuotas } from './bench/no-quotas.ts';
import { rssOf } from './bench/resident-memory.ts';
import { seedConversations } from './bench/seed-conversations.ts';
import { settle } from './bench/settle.ts';

const sizes = [100, 10_000];
const sampleEveryMs = 100;
const endOfCentralDirectory = 0x06054b50;
const megabyte = 1024 * 1024;

/** Writes a downloading ZIP to `file` as it arrives; its size, and whether it ends with its end record. */
async function save(body: ReadableStream<Uint8Array>, file: string) {
  const output = createWriteStream(file);
  let bytes = 0;
  let tail = Buffer.alloc(0);
  for await (const chunk of body) {
    bytes += chunk.byteLength;
    tail = Buffer.concat([tail, chunk.subarray(-22)]).subarray(-22);
    if (!output.write(chunk)) await once(output, 'drain');
  }
  output.end();
  await once(output, 'finish');
  // No ZIP comment and fewer than 65,535 entries: the archive ends with the 22-byte end-of-central-directory record.
  return { bytes, endRecord: tail.length === 22 && tail.readUInt32LE(0) === endOfCentralDirectory };
}

/** Downloads the user's export to `file` as it streams, with Kiln's RSS sampled meanwhile. */
async function download(url: string, token: string, pid: number, file: string) {
  const rssBefore = rssOf(pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssOf(pid))), sampleEveryMs);
  const started = performance.now();
  const response = await fetch(`${url}/api/v1/exports`, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200 || !response.body) throw new Error(`export answered ${response.status}`);
  const { bytes, endRecord } = await save(response.body, file);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  rssPeak = Math.max(rssPeak, rssOf(pid));
  return { bytes, seconds, rssBefore, rssPeak, endRecord };
}

/**
 * The same export prepared in the background (`POST /api/v1/exports/archives`): asked for, polled until ready (the
 * build writes the ZIP into Postgres), with Kiln's RSS sampled meanwhile; then downloaded to `file` from Postgres.
 */
async function prepare(url: string, token: string, pid: number, file: string) {
  const headers = { authorization: `Bearer ${token}` };
  const rssBefore = rssOf(pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssOf(pid))), sampleEveryMs);
  const started = performance.now();
  const asked = await fetch(`${url}/api/v1/exports/archives`, { method: 'POST', headers });
  if (asked.status !== 202) throw new Error(`asking for a background export answered ${asked.status}`);
  const { archive } = (await asked.json()) as { archive: { id: string } };
  let status = 'queued';
  while (status === 'queued' || status === 'building') {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const answer = await fetch(`${url}/api/v1/exports/archives/${archive.id}`, { headers });
    status = ((await answer.json()) as { archive: { status: string } }).archive.status;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  if (status !== 'ready') throw new Error(`the background export ended ${status}`);
  const response = await fetch(`${url}/api/v1/exports/archives/${archive.id}/download`, { headers });
  if (response.status !== 200 || !response.body) throw new Error(`its download answered ${response.status}`);
  return { ...(await save(response.body, file)), seconds, rssBefore, rssPeak };
}

/** The ZIP's entry count (from its central directory) and its manifest. */
async function readArchive(file: string) {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true }, (error, opened) => (error ? reject(error) : resolve(opened))),
  );
  const manifest = await new Promise<ExportManifest>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName !== 'manifest.json') return zip.readEntry();
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ExportManifest));
        stream.on('error', reject);
      });
    });
    zip.on('end', () => reject(new Error('no manifest.json in the export')));
    zip.on('error', reject);
    zip.readEntry();
  });
  zip.close();
  return { entries: zip.entryCount, manifest };
}

const dataDir = await temporaryDirectory('kiln-bench-exports');
const downloads = await temporaryDirectory('kiln-bench-exports-zip');
const kiln = KilnProcess.start('server', {
  // One user downloads in a loop; its request quota has its own tests.
  ...noQuotas,
  KILN_DATA_DIR: dataDir.path,
  PORT: '0',
  LLM_PROVIDER: 'offline',
  LOG_LEVEL: 'info',
});
// Failed until the figures say otherwise (a throw on the way leaves it so).
let failed = true;
try {
  if (!existsSync(`/proc/${kiln.pid}/status`)) throw new Error('this measurement reads /proc: it runs on Linux only');
  const url = await kiln.url();
  const postgres = await kiln.waitForLog((line) => line.msg === 'started embedded Postgres', 120_000);
  await kiln.waitForLog((line) => String(line.msg).startsWith('Kiln is ready'), 120_000);
  const credentials = JSON.parse(
    await readFile(path.join(dataDir.path, 'run', 'postgres-credentials.json'), 'utf8'),
  ) as { user: string; password: string; database: string };
  const client = new pg.Client({ ...credentials, host: '127.0.0.1', port: postgres.port as number });
  await client.connect();

  const users: { token: string; conversations: number; messages: number; seedSeconds: number }[] = [];
  try {
    for (const size of sizes) {
      const response = await fetch(`${url}/api/v1/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `bench-${size}@example.com`, password: 'correct horse battery' }),
      });
      if (response.status !== 201 && response.status !== 200) throw new Error(`register answered ${response.status}`);
      const { token, user } = (await response.json()) as { token: string; user: { id: string } };
      const started = performance.now();
      const seeded = await seedConversations(client, user.id, size);
      users.push({ token, ...seeded, seedSeconds: (performance.now() - started) / 1000 });
    }
  } finally {
    await client.end();
  }

  await settle([kiln.pid], 60);
  const warmup = path.join(downloads.path, 'warm-up.zip');
  await download(url, users[0]!.token, kiln.pid, warmup);
  await rm(warmup);
  await settle([kiln.pid], 60);

  const results = [];
  for (const user of users) {
    const file = path.join(downloads.path, `export-${user.conversations}.zip`);
    const measured = await download(url, user.token, kiln.pid, file);
    const archive = await readArchive(file);
    await rm(file);
    const distinct = new Set(archive.manifest.conversations.map((conversation) => conversation.id)).size;
    const valid =
      measured.endRecord &&
      distinct === user.conversations &&
      archive.entries === 3 * user.conversations + 1 &&
      archive.manifest.counts.conversations === user.conversations &&
      archive.manifest.counts.messages === user.messages;
    results.push({ ...user, ...measured, ...archive, distinct, valid });
  }
  // The large export again, prepared in the background (built into Postgres, then downloaded).
  const largest = users.at(-1)!;
  const preparedFile = path.join(downloads.path, 'prepared.zip');
  const prepared = await prepare(url, largest.token, kiln.pid, preparedFile);
  const preparedArchive = await readArchive(preparedFile);
  await rm(preparedFile);
  const preparedValid =
    prepared.endRecord &&
    preparedArchive.entries === 3 * largest.conversations + 1 &&
    preparedArchive.manifest.counts.conversations === largest.conversations &&
    preparedArchive.manifest.counts.messages === largest.messages;

  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  console.log(
    `\n${new Date().toISOString().slice(0, 10)} · ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`,
  );
  console.log(
    `GET /api/v1/exports, one user at a time; Kiln in its own process (offline engine, embedded Postgres); RSS of the Kiln process sampled every ${sampleEveryMs} ms during the download; one unmeasured warm-up export of ${sizes[0]} conversations first\n`,
  );
  const mb = (bytes: number) => (bytes / megabyte).toFixed(1);
  console.log(
    '| conversations | messages | ZIP MB | time s | conversations/s | RSS before MB | RSS peak MB | growth MB |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const result of results) {
    console.log(
      `| ${result.conversations.toLocaleString('en')} | ${result.messages.toLocaleString('en')} | ${mb(result.bytes)} | ${result.seconds.toFixed(1)} | ${Math.round(result.conversations / result.seconds)} | ${mb(result.rssBefore)} | ${mb(result.rssPeak)} | ${mb(result.rssPeak - result.rssBefore)} |`,
    );
  }
  console.log(
    `\nseeding in Postgres: ${results.map((result) => `${result.conversations.toLocaleString('en')} in ${result.seedSeconds.toFixed(1)} s`).join(', ')}`,
  );
  for (const result of results) {
    console.log(
      `ZIP of ${result.conversations.toLocaleString('en')}: end-of-central-directory record ${result.endRecord ? 'present' : 'MISSING'}; ${result.entries} entries; manifest: ${result.manifest.counts.conversations} conversations (${result.distinct} distinct ids), ${result.manifest.counts.messages} messages; seeded ${result.conversations} / ${result.messages}: ${result.valid ? 'as seeded' : 'NOT as seeded'}`,
    );
  }
  console.log(
    `\nPrepared in the background (POST /api/v1/exports/archives, polled until ready): ${largest.conversations.toLocaleString('en')} conversations, ZIP ${mb(prepared.bytes)} MB, built in ${prepared.seconds.toFixed(1)} s; RSS before ${mb(prepared.rssBefore)} MB, peak ${mb(prepared.rssPeak)} MB; downloaded ZIP ${preparedValid ? 'as seeded' : 'NOT as seeded'} (${preparedArchive.entries} entries)`,
  );
  const [small, large] = results.map((result) => result.rssPeak / megabyte) as [number, number];
  const above = large - small;
  const preparedAbove = prepared.rssPeak / megabyte - small;
  const met = above <= 50 && preparedAbove <= 50;
  console.log(
    `\nPeak RSS exporting ${sizes[1]!.toLocaleString('en')} ≤ peak exporting ${sizes[0]} + 50 MB (memory does not grow with the number of conversations): ${met ? 'met' : 'NOT met'} (${large.toFixed(1)} MB, ${above.toFixed(1)} MB above ${small.toFixed(1)} MB; prepared in the background ${preparedAbove.toFixed(1)} MB above)`,
  );
  failed = !met || !preparedValid || results.some((result) => !result.valid);
} catch (error) {
  console.error(error);
} finally {
  await kiln.stop('SIGTERM');
  await downloads.remove();
  await dataDir.remove();
}
process.exitCode = failed ? 1 : 0;
