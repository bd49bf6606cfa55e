import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/test-server.ts';

// The real offline engine and the seed pattern store: what a fresh install answers with.
let kiln: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  // In-process workers: a question the router reads as a request for code is a code session that runs.
  kiln = await startTestServer({ environment: { KILN_WORKERS: 'in-process' } });
});
afterAll(async () => {
  await kiln?.stop();
});

async function answeredConversation(token: string, question: string) {
  const conversation = await kiln.newConversation(token);
  const sent = await kiln.api('POST', `/conversations/${conversation.id}/messages`, {
    token,
    body: { content: question },
  });
  expect(sent.status).toBe(202);
  const page = async () => (await kiln.api('GET', `/conversations/${conversation.id}/messages`, { token })).json;
  await expect.poll(async () => (await page()).messages.at(-1)?.status, { timeout: 15_000 }).toBe('complete');
  return {
    conversationId: conversation.id,
    answerId: sent.json.assistantMessageId as string,
    questionId: sent.json.userMessageId as string,
    page,
  };
}

describe('answers after a reload', () => {
  it('come with the intent, engine, usage and citations of the turn that wrote them', async () => {
    const { token } = await kiln.register();
    const { page } = await answeredConversation(token, 'How do I debounce a function in TypeScript?');
    const [question, answer] = (await page()).messages;
    expect(question).toMatchObject({ role: 'user', turn: null, feedback: null });
    expect(answer.turn).toMatchObject({
      turnId: expect.any(String),
      intent: { intent: 'ask', via: expect.any(String) },
      engine: { provider: 'offline', model: 'kiln-offline' },
      usage: { outputTokens: expect.any(Number), costUsd: 0 },
      latency: { totalMs: expect.any(Number) },
      error: null,
      details: { toolCalls: [], review: null },
    });
    const citations = answer.turn.details.citations as { title: string; language: string; patternId: string }[];
    expect(citations.length).toBeGreaterThan(0);
    expect(citations[0]!.title.toLowerCase()).toContain('debounce');
    // The answer text cites the same pattern the details list.
    expect(answer.content).toContain(citations[0]!.title);
  });
});

describe('feedback on answers', () => {
  it('stores thumbs up, changes it to down, takes it back, and shows it on the messages page', async () => {
    const { token } = await kiln.register();
    const { conversationId, answerId, page } = await answeredConversation(
      token,
      'retry with exponential backoff in python',
    );
    const feedbackPath = `/conversations/${conversationId}/messages/${answerId}/feedback`;
    const ratingShown = async () => (await page()).messages.at(-1).feedback;

    expect(await kiln.api('PUT', feedbackPath, { token, body: { rating: 'up' } })).toMatchObject({
      status: 200,
      json: { messageId: answerId, rating: 'up' },
    });
    expect(await ratingShown()).toBe('up');
    expect((await kiln.api('PUT', feedbackPath, { token, body: { rating: 'down' } })).status).toBe(200);
    expect(await ratingShown()).toBe('down');
    expect((await kiln.api('DELETE', feedbackPath, { token })).status).toBe(204);
    expect(await ratingShown()).toBe(null);
  });

  it('refuses bad ratings, questions and other users’ answers, changing nothing', async () => {
    const owner = await kiln.register();
    const other = await kiln.register();
    const { conversationId, answerId, questionId, page } = await answeredConversation(owner.token, 'parse a csv file');
    const path = (messageId: string) => `/conversations/${conversationId}/messages/${messageId}/feedback`;

    const bad = await kiln.api('PUT', path(answerId), { token: owner.token, body: { rating: 'meh' } });
    expect(bad).toMatchObject({ status: 400, json: { error: { code: 'invalid_request' } } });
    expect((await kiln.api('PUT', path(questionId), { token: owner.token, body: { rating: 'up' } })).status).toBe(400);
    expect((await kiln.api('PUT', path(answerId), { token: other.token, body: { rating: 'down' } })).status).toBe(404);
    expect((await kiln.api('PUT', path('not-an-id'), { token: owner.token, body: { rating: 'up' } })).status).toBe(404);
    expect((await kiln.api('PUT', path(answerId), { body: { rating: 'up' } })).status).toBe(401);
    expect((await page()).messages.map((message: { feedback: unknown }) => message.feedback)).toEqual([null, null]);
  });
});
