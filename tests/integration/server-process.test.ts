import { statSync } from 'node:fs';
import { chown, stat } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { findFreePort } from '../../platform/infrastructure/free-port.ts';
import { startKilnInfrastructure } from '../../server/kiln-infrastructure.ts';
import { isProcessAlive } from '../../platform/infrastructure/process-identity.ts';
import { pingJobName, type PingOutput } from '../../workers/jobs/ping-job.ts';
import { PgBossJobQueue } from '../../workers/queue/pg-boss-job-queue.ts';
import { KilnProcess, repositoryRoot, waitForStatus } from '../support/kiln-process.ts';
import { temporaryDirectory } from '../support/temporary-directory.ts';

const log = pino({ level: 'silent' });
const alive = (pid: number | undefined) => pid !== undefined && isProcessAlive({ pid, startTime: undefined });
const cleanups: (() => Promise<unknown>)[] = [];

/** Whether another account can read the checkout (not so under /root, for instance). */
function readableByOthers(directory: string): boolean {
  for (let current = directory; ; current = path.dirname(current)) {
    if ((statSync(current).mode & 0o005) !== 0o005) return false;
    if (path.dirname(current) === current) return true;
  }
}

afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => undefined);
});

async function dataDirectory() {
  const directory = await temporaryDirectory('kiln-process');
  cleanups.push(directory.remove);
  return directory.path;
}

function start(entry: 'server' | 'worker', environment: Record<string, string>) {
  const kiln = KilnProcess.start(entry, environment);
  cleanups.push(() => kiln.stop('SIGKILL'));
  return kiln;
}

/** Attach from this test process, as a CLI would, while a Kiln server runs on `dataDir`. */
async function attach(dataDir: string) {
  const infrastructure = await startKilnInfrastructure(
    { dataDir, databaseUrl: undefined, chromaUrl: undefined, neo4j: undefined },
    log,
  );
  return infrastructure;
}

describe('the server process', () => {
  it('is ready with postgres, chroma and graph on a first start, and again after kill -9 with nothing lost', async () => {
    const dataDir = await dataDirectory();
    const first = start('server', { KILN_DATA_DIR: dataDir, PORT: '0' });
    const firstUrl = await first.url();
    const { body } = await waitForStatus(`${firstUrl}/ready`, 200, { timeoutMs: 60_000 });
    expect(body).toMatchObject({
      ready: true,
      checks: { postgres: { ok: true }, chroma: { ok: true }, graph: { ok: true }, llm: { ok: true } },
    });

    const cli = await attach(dataDir);
    await cli.dataSource.query(
      `INSERT INTO users (email, password_hash, role) VALUES ('grace@example.com', 'x', 'admin')`,
    );
    const collection = await cli.chroma.getOrCreateCollection({ name: 'survivor', embeddingFunction: null });
    await collection.add({ ids: ['p1'], embeddings: [[0.5, 0.5]] });
    await cli.stop();

    first.child.kill('SIGKILL');
    expect((await first.exit()).signal).toBe('SIGKILL');

    const restartedAt = Date.now();
    const second = start('server', { KILN_DATA_DIR: dataDir, PORT: '0' });
    const secondUrl = await second.url();
    const ready = await waitForStatus(`${secondUrl}/ready`, 200, { since: restartedAt, timeoutMs: 15_000 });
    expect(ready.elapsedMs).toBeLessThan(15_000);

    const after = await attach(dataDir);
    expect(await after.dataSource.query('SELECT email FROM users')).toEqual([{ email: 'grace@example.com' }]);
    const survivor = await after.chroma.getCollection({ name: 'survivor' });
    expect((await survivor.get({ ids: ['p1'] })).ids).toEqual(['p1']);
    const { postgres, chroma } = after.summary;
    await after.stop();

    expect(await second.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    // The last Kiln process left: the embedded servers are gone too.
    expect(alive(postgres.pid)).toBe(false);
    expect(alive(chroma.pid)).toBe(false);
  });

  it('shares its embedded Postgres and Chroma with `npm run worker`, which keeps them up after the server stops', async () => {
    const dataDir = await dataDirectory();
    // Jobs off in the server, so every job below can only be handled by the worker process.
    const server = start('server', { KILN_DATA_DIR: dataDir, PORT: '0', KILN_WORKERS: 'off' });
    const url = await server.url();
    await waitForStatus(`${url}/ready`, 200);
    const serverReady = await server.waitForLog((line) => String(line.msg).startsWith('Kiln is ready'));

    const healthPort = await findFreePort();
    const worker = start('worker', { KILN_DATA_DIR: dataDir, KILN_WORKER_HEALTH_PORT: String(healthPort) });
    const workerReady = await worker.waitForLog((line) => line.msg === 'worker ready');
    expect((await waitForStatus(`http://127.0.0.1:${healthPort}/health`, 200)).body).toEqual({ status: 'working' });
    expect(workerReady.postgres).toMatchObject({
      embedded: true,
      startedHere: false,
      port: (serverReady.postgres as { port: number }).port,
      pid: (serverReady.postgres as { pid: number }).pid,
    });
    expect(workerReady.chroma).toMatchObject({
      embedded: true,
      startedHere: false,
      port: (serverReady.chroma as { port: number }).port,
      pid: (serverReady.chroma as { pid: number }).pid,
    });

    const client = await attach(dataDir);
    const queue = await PgBossJobQueue.start(client.databaseUrl, log);
    let clientStopped: Promise<void> | undefined;
    const stopClient = () => (clientStopped ??= queue.stop().then(() => client.stop()));
    cleanups.push(stopClient);
    const ping = async (echo: string) => {
      const id = await queue.send(pingJobName, { echo });
      for (let attempt = 0; attempt < 200; attempt += 1) {
        const job = await queue.get(pingJobName, id);
        if (job?.state === 'completed') return job.output as PingOutput;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`ping ${echo} was not handled`);
    };
    expect(await ping('while the server runs')).toMatchObject({
      pid: worker.pid,
      echo: { echo: 'while the server runs' },
    });

    // A run sent to the server (no workers of its own) is executed by the worker process.
    const registered = await fetch(`${url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'runner@example.com', password: 'correct horse battery' }),
    }).then((response) => response.json() as Promise<{ token: string }>);
    const run = await fetch(`${url}/api/v1/runs`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        authorization: `Bearer ${registered.token}`,
      },
      body: JSON.stringify({ language: 'python', code: 'print("ran by the worker")' }),
    }).then((response) => response.text());
    expect(run).toContain('ran by the worker');
    expect(run).toMatch(/"type":"sandbox.result"[^\n]*"passed":true|"passed":true[^\n]*"type":"sandbox.result"/);

    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    const { postgres, chroma } = client.summary;
    expect(alive(postgres.pid)).toBe(true);
    expect(alive(chroma.pid)).toBe(true);
    expect(await ping('after the server stopped')).toMatchObject({ pid: worker.pid });

    await stopClient();
    expect(await worker.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(alive(postgres.pid)).toBe(false);
    expect(alive(chroma.pid)).toBe(false);
  });

  it.runIf(process.getuid?.() === 0 && readableByOthers(repositoryRoot))(
    'runs as a normal user too, with Postgres under that user',
    async () => {
      const nobody = { uid: 65534, gid: 65534 };
      const dataDir = await dataDirectory();
      await chown(dataDir, nobody.uid, nobody.gid);
      const server = KilnProcess.start('server', { KILN_DATA_DIR: dataDir, PORT: '0', HOME: dataDir }, nobody);
      cleanups.push(() => server.stop('SIGKILL'));
      const { body } = await waitForStatus(`${await server.url()}/ready`, 200);
      expect(body).toMatchObject({ ready: true });
      const ready = await server.waitForLog((line) => String(line.msg).startsWith('Kiln is ready'));
      const postgresPid = (ready.postgres as { pid: number }).pid;
      expect((await stat(`/proc/${postgresPid}`)).uid).toBe(nobody.uid);
      expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
      expect(alive(postgresPid)).toBe(false);
    },
  );

  it('says clearly when its port is taken, and exits without starting anything', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => blocker.close(resolve)));
    const port = (blocker.address() as net.AddressInfo).port;
    const server = start('server', { KILN_DATA_DIR: await dataDirectory(), PORT: String(port) });
    expect((await server.exit()).code).toBe(1);
    expect(server.output.join('\n')).toContain(`Port ${port} on 127.0.0.1 is already in use`);
  });

  it('refuses a bad configuration with exit code 2 and names the variable', async () => {
    const server = start('server', { KILN_DATA_DIR: await dataDirectory(), PORT: 'http', CHROMA_URL: 'chroma:8000' });
    expect((await server.exit()).code).toBe(2);
    const output = server.output.join('\n');
    expect(output).toContain('Invalid configuration');
    expect(output).toMatch(/PORT: /);
    expect(output).toContain('CHROMA_URL: must be a URL starting with http:// or https://');
  });
});
