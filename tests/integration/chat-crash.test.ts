import { afterEach, describe, expect, it } from 'vitest';
import { KilnProcess } from '../support/kiln-process.ts';
import { numberedTokens } from '../support/scripted-provider.ts';
import { startReplayLlmServer } from '../support/replay-llm-server.ts';
import { temporaryDirectory } from '../support/temporary-directory.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => undefined);
});

describe('a server killed mid-turn', () => {
  it('keeps the user message, and the partial answer marked interrupted, after kill -9 and restart', async () => {
    const dataDir = await temporaryDirectory('kiln-crash');
    cleanups.push(dataDir.remove);
    // A model that streams 200 words over about 10 seconds, through the real OpenAI adapter.
    const model = await startReplayLlmServer();
    model.always({ kind: 'openai', pieces: numberedTokens(200), pieceDelayMs: 50 });
    cleanups.push(model.close);
    const environment = { KILN_DATA_DIR: dataDir.path, PORT: '0', OPENAI_BASE_URL: `${model.url}/v1`, LLM_MODEL: 'slow-model' };

    const first = KilnProcess.start('server', environment);
    cleanups.push(() => first.stop('SIGKILL'));
    const url = await first.url();
    await first.waitForLog((line) => String(line.msg).startsWith('Kiln is ready'));
    const call = async (method: string, path: string, token?: string, body?: unknown) => {
      const response = await fetch(`${url}/api/v1${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json()) as any };
    };
    const { json: account } = await call('POST', '/auth/register', undefined, { email: 'crash@example.com', password: 'correct horse battery' });
    const { json: conversation } = await call('POST', '/conversations', account.token, {});
    const sent = await call('POST', `/conversations/${conversation.id}/messages`, account.token, { content: 'Tell me a long story' });
    expect(sent.status).toBe(202);

    // Wait until some of the answer has been flushed to the database, then kill the server without warning.
    await expect
      .poll(async () => (await call('GET', `/conversations/${conversation.id}/messages`, account.token)).json.messages[1]?.content.length ?? 0, {
        timeout: 10_000,
        interval: 100,
      })
      .toBeGreaterThan(0);
    first.child.kill('SIGKILL');
    await first.exit();

    const second = KilnProcess.start('server', { ...environment, PORT: '0' });
    cleanups.push(() => second.stop('SIGKILL'));
    const secondUrl = await second.url();
    await second.waitForLog((line) => String(line.msg).startsWith('Kiln is ready'));
    const response = await fetch(`${secondUrl}/api/v1/conversations/${conversation.id}/messages`, {
      headers: { authorization: `Bearer ${account.token}` },
    });
    const { messages } = (await response.json()) as { messages: { role: string; content: string; status: string }[] };
    expect(messages[0]).toMatchObject({ role: 'user', content: 'Tell me a long story', status: 'complete' });
    expect(messages[1]).toMatchObject({ role: 'assistant', status: 'interrupted' });
    const fullAnswer = numberedTokens(200).join('');
    expect(messages[1]!.content.length).toBeGreaterThan(0);
    expect(messages[1]!.content.length).toBeLessThan(fullAnswer.length);
    expect(fullAnswer.startsWith(messages[1]!.content)).toBe(true);
    expect(second.lines.some((line) => line.msg === 'marked turns left open by a crash as interrupted' && line.count === 1)).toBe(true);
    expect(await second.stop('SIGTERM')).toEqual({ code: 0, signal: null });
  });
});
