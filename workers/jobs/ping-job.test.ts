import { describe, expect, it } from 'vitest';
import { InMemoryJobQueue } from '../queue/in-memory-job-queue.ts';
import { pingJobName, registerPingJob } from './ping-job.ts';

describe('the ping job', () => {
  it('is answered by the worker process that took it, echoing its data', async () => {
    const queue = new InMemoryJobQueue();
    await registerPingJob(queue, () => new Date('2026-11-22T10:00:00Z'));
    const id = await queue.send(pingJobName, { from: 'test' });
    await queue.drain();
    expect(await queue.get(pingJobName, id)).toEqual({
      id,
      state: 'completed',
      output: expect.objectContaining({
        pid: process.pid,
        handledAt: '2026-11-22T10:00:00.000Z',
        echo: { from: 'test' },
      }),
    });
  });

  it('stays queued until a worker registers for it', async () => {
    const queue = new InMemoryJobQueue();
    const id = await queue.send(pingJobName, {});
    await queue.drain();
    expect((await queue.get(pingJobName, id))?.state).toBe('created');
    await registerPingJob(queue);
    await queue.drain();
    expect((await queue.get(pingJobName, id))?.state).toBe('completed');
  });
});
