// The generate and smalltalk agents end to end: a real server (embedded Postgres, Chroma, the seed corpus)
// with the offline engine, driven through the chat API as a user would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TurnEvent } from '../../protocol/turn-events.ts';
import { startTestServer, textOf, turnEnded } from '../support/test-server.ts';

let kiln: Awaited<ReturnType<typeof startTestServer>>;
let token: string;

beforeAll(async () => {
  // In-process workers: a code session runs the pattern's tests in the real sandbox.
  kiln = await startTestServer({ environment: { KILN_WORKERS: 'in-process' } });
  ({ token } = await kiln.register());
});
afterAll(async () => {
  await kiln?.stop();
});

async function chat(content: string, intent?: string) {
  const conversation = await kiln.newConversation(token);
  const tab = await kiln.socket(token);
  const ack = await tab.request('message:send', {
    conversationId: conversation.id,
    content,
    ...(intent ? { intent } : {}),
  });
  await tab.until(turnEnded(ack.turnId));
  const events = tab.events.filter((event: TurnEvent) => event.turnId === ack.turnId);
  const saved = (await kiln.api('GET', `/conversations/${conversation.id}/messages`, { token })).json.messages;
  tab.client.close();
  return { events, text: textOf(events), saved: saved.at(-1).content as string };
}

describe('the generate agent', () => {
  it('answers a request for code with verified code and its tests, runs them, citing exactly the patterns it used', async () => {
    const { events, text, saved } = await chat(
      'Write a TypeScript function that retries a failing fetch with exponential backoff',
      'generate',
    );
    expect(events.find((event) => event.type === 'intent')).toMatchObject({ intent: 'generate' });
    expect(
      events.filter((event) => event.type === 'session.phase').map((event) => (event as { phase: string }).phase),
    ).toEqual(['plan', 'generate', 'validate', 'done']);
    expect(events.find((event) => event.type === 'session.outcome')).toMatchObject({ status: 'passed' });
    expect(text).toContain('**Passed:**');
    const retrieval = events.find((event) => event.type === 'retrieval') as Extract<TurnEvent, { type: 'retrieval' }>;
    expect(retrieval.citations[0]).toMatchObject({ patternId: 'ts-retry-with-backoff', language: 'typescript' });
    expect(text).toContain('Kiln offline engine');
    expect(text).toMatch(/```ts\n[\s\S]*export (async )?function/);
    // The pattern's own tests come with it, and the answer says where the code came from.
    expect(text).toContain("from './pattern.ts'");
    expect(text).toContain('Source: seed · knowledge/corpus/typescript/retry-with-backoff/pattern.ts');
    expect(saved).toBe(text);
  });

  it('says so when the store has nothing close, instead of inventing code', async () => {
    const { events, text } = await chat(
      'Write a Fortran 77 subroutine for a sparse Cholesky decomposition on punch cards',
      'generate',
    );
    expect(events.find((event) => event.type === 'retrieval')).toMatchObject({ citations: [] });
    expect(text).toContain('No stored pattern matches');
    expect(text).not.toContain('```');
    expect(text).toContain('configure a model');
  });
});

describe('the smalltalk agent', () => {
  it('greets briefly, says what Kiln can do and which engine answers', async () => {
    const { events, text } = await chat('hello there!', 'smalltalk');
    expect(events.some((event) => event.type === 'retrieval')).toBe(false);
    expect(text).toMatch(/^Hi! I’m Kiln/);
    for (const command of ['/ask', '/code', '/review', '/debug', '/migrate', '/tool']) expect(text).toContain(command);
    expect(text).toContain('offline engine');
  });

  it('answers thanks in one line', async () => {
    const { text } = await chat('thanks, that worked!', 'smalltalk');
    expect(text).toBe('You’re welcome, glad it helped!');
  });
});
