import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ScriptedProvider } from '../../tests/support/scripted-provider.ts';
import { InMemoryJobQueue } from '../../workers/queue/in-memory-job-queue.ts';
import { ConversationTitler } from './conversation-titler.ts';
import { queueTitle, registerTitleJob, titleJobName } from './title-job.ts';

const ownerId = '6b0f3c4e-58a1-4a57-9a3b-1d2e3f405162';
const conversationId = '0d1c2b3a-4958-4776-8594-a3b2c1d0e9f8';

/** Titles by conversation id, changed only from the title the caller expects (as the repository's retitle). */
function titles(initial: string) {
  const stored = new Map([[conversationId, initial]]);
  return {
    stored,
    async retitle(id: string, from: string, to: string) {
      if (stored.get(id) !== from) return false;
      stored.set(id, to);
      return true;
    },
  };
}

describe('the title job', () => {
  it('writes the model title from the queue and tells the owner once, even when the job runs again', async () => {
    const queue = new InMemoryJobQueue();
    const repository = titles('How do I debounce?');
    const told: string[] = [];
    const titler = new ConversationTitler(
      new ScriptedProvider(),
      repository,
      pino({ level: 'silent' }),
      (_o, _c, title) => told.push(title),
    );
    await registerTitleJob(queue, titler);
    const request = {
      ownerId,
      conversationId,
      heuristicTitle: 'How do I debounce?',
      question: 'How do I debounce?',
      answer: 'x'.repeat(5_000),
    };
    await queueTitle(queue, request);
    await queue.drain();
    expect(repository.stored.get(conversationId)).toBe('Scripted Title');
    expect(told).toEqual(['Scripted Title']);

    // A retry after a crash finds the title already written: nothing changes and nobody is told again.
    await queueTitle(queue, request);
    await queue.drain();
    expect(told).toEqual(['Scripted Title']);
  });

  it('keeps a title the user gave in the meantime', async () => {
    const queue = new InMemoryJobQueue();
    const repository = titles('My own name');
    const titler = new ConversationTitler(new ScriptedProvider(), repository, pino({ level: 'silent' }), () => {
      throw new Error('nobody should be told');
    });
    await registerTitleJob(queue, titler);
    const jobId = await queue.send(titleJobName, {
      ownerId,
      conversationId,
      heuristicTitle: 'How do I debounce?',
      question: 'q',
      answer: 'a',
    });
    await queue.drain();
    expect(repository.stored.get(conversationId)).toBe('My own name');
    expect(await queue.get(titleJobName, jobId)).toMatchObject({ state: 'completed', output: { retitled: false } });
  });

  it('fails a job whose data is not a title request', async () => {
    const queue = new InMemoryJobQueue();
    await registerTitleJob(
      queue,
      new ConversationTitler(new ScriptedProvider(), titles('t'), pino({ level: 'silent' }), () => undefined),
    );
    const jobId = await queue.send(titleJobName, { conversationId: 'not-a-uuid' });
    await queue.drain();
    expect((await queue.get(titleJobName, jobId))?.state).toBe('failed');
  });
});
