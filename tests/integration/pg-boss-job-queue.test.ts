import { spawn } from 'node:child_process';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInfrastructure, type Infrastructure } from '../../platform/infrastructure/infrastructure.ts';
import type { JobRecord } from '../../workers/queue/job-queue.ts';
import { PgBossJobQueue } from '../../workers/queue/pg-boss-job-queue.ts';
import { temporaryDirectory } from '../support/temporary-directory.ts';

const log = pino({ level: 'silent' });

describe('PgBossJobQueue on the real Postgres', () => {
  let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let infrastructure: Infrastructure;
  let queue: PgBossJobQueue;

  beforeAll(async () => {
    dataDir = await temporaryDirectory('kiln-jobs');
    infrastructure = await startInfrastructure(
      { dataDir: dataDir.path, databaseUrl: undefined, chromaUrl: undefined },
      log,
    );
    queue = await PgBossJobQueue.start(infrastructure.databaseUrl, log, {
      stopTimeoutMs: 2_000,
      maintenanceIntervalSeconds: 1,
    });
  });

  afterAll(async () => {
    await queue?.stop();
    await infrastructure?.stop();
    await dataDir?.remove();
  });

  async function settled(name: string, id: string, states: JobRecord['state'][]) {
    for (let attempt = 0; attempt < 150; attempt += 1) {
      const job = await queue.get(name, id);
      if (job && states.includes(job.state)) return job;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`job ${id} did not reach ${states.join('/')}`);
  }

  it('runs a job once and keeps its output', async () => {
    const seen: unknown[] = [];
    await queue.work('test.double', async ({ data }) => {
      seen.push(data);
      return { doubled: (data as { value: number }).value * 2 };
    });
    const id = await queue.send('test.double', { value: 21 });
    const job = await settled('test.double', id, ['completed']);
    expect(job.output).toEqual({ doubled: 42 });
    expect(seen).toEqual([{ value: 21 }]);
  });

  it('records a failing job as retrying or failed, with the error', async () => {
    await queue.work('test.fail', async () => {
      throw new Error('the sandbox is gone');
    });
    const id = await queue.send('test.fail', {});
    const job = await settled('test.fail', id, ['retry', 'failed']);
    expect(JSON.stringify(job.output)).toContain('the sandbox is gone');
  });

  it('answers undefined for a job that does not exist', async () => {
    await queue.work('test.none', async () => ({}));
    expect(await queue.get('test.none', '00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it('gives a job whose worker process died to another worker once it expires, and runs it there once', async () => {
    const name = 'test.crash';
    const id = await queue.send(name, { step: 1 }, { retries: 1, expireInSeconds: 2 });
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/hanging-job-worker.ts'], {
      env: { ...process.env, DATABASE_URL: infrastructure.databaseUrl, JOB_NAME: name },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes(`took ${id}`)) resolve();
      });
      child.on('exit', (code) => reject(new Error(`the worker process exited (${code}) before taking the job`)));
    });
    expect((await queue.get(name, id))?.state).toBe('active');
    child.kill('SIGKILL');

    const taken: unknown[] = [];
    await queue.work(name, async ({ id: jobId, data }) => {
      taken.push({ jobId, data });
      return { by: 'survivor' };
    });
    const job = await settled(name, id, ['completed', 'failed']);
    expect(job).toMatchObject({ state: 'completed', output: { by: 'survivor' } });
    expect(taken).toEqual([{ jobId: id, data: { step: 1 } }]);
  });

  it('runs a batch of jobs together, each with its own outcome', async () => {
    const name = 'test.batch';
    const ids = [];
    for (let index = 0; index < 6; index += 1) ids.push(await queue.send(name, { index }, { retries: 0 }));
    let running = 0;
    let most = 0;
    await queue.work(
      name,
      async ({ data }) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 200));
        running -= 1;
        const { index } = data as { index: number };
        if (index === 3) throw new Error('the fourth job fails');
        return { doubled: index * 2 };
      },
      { batchSize: 6 },
    );
    const outcomes = await Promise.all(ids.map((id) => settled(name, id, ['completed', 'failed'])));
    expect(outcomes.map((job) => job.state)).toEqual([
      'completed',
      'completed',
      'completed',
      'failed',
      'completed',
      'completed',
    ]);
    expect(outcomes[5]!.output).toEqual({ doubled: 10 });
    expect(outcomes[3]!.output).toMatchObject({ message: 'the fourth job fails' });
    expect(most).toBeGreaterThan(1);
  });
});
