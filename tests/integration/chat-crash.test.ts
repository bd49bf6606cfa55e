import { afterEach, describe, expect, it } from 'vitest';
import { KilnProcess } from '../support/kiln-process.ts';
import { numberedTokens } from '../support/scripted-provider.ts';
import { startReplayLlmServer } from '../support/replay-llm-server.ts';
import { temporaryDirectory } from '../support/temporary-directory.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => undefined);
});

const fullAnswer = numberedTokens(200).join('');

/**
 * A server process whose model (the real OpenAI adapter, against a local replay server) streams 200 words over
 * about 10 seconds, with one user mid-way through a turn once some of the answer has been saved.
 */
async function serverMidTurn() {
  const dataDir = await temporaryDirectory('kiln-crash');
  cleanups.push(dataDir.remove);
  const model = await startReplayLlmServer();
  model.always({ kind: 'openai', pieces: numberedTokens(200), pieceDelayMs: 50 });
  cleanups.push(model.close);
  const environment = {
    KILN_DATA_DIR: dataDir.path,
    PORT: '0',
    OPENAI_BASE_URL: `${model.url}/v1`,
    LLM_MODEL: 'slow-model',
  };

  const start = async () => {
    const server = KilnProcess.start('server', environment);
    cleanups.push(() => server.stop('SIGKILL'));
    const url = await server.url();
    await server.waitForLog((line) => String(line.msg).startsWith('Kiln is ready'));
    const call = async (method: string, path: string, token?: string, body?: unknown) => {
      const response = await fetch(`${url}/api/v1${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json()) as any };
    };
    return { server, call };
  };

  const first = await start();
  const { json: account } = await first.call('POST', '/auth/register', undefined, {
    email: 'crash@example.com',
    password: 'correct horse battery',
  });
  const { json: conversation } = await first.call('POST', '/conversations', account.token, {});
  const sent = await first.call('POST', `/conversations/${conversation.id}/messages`, account.token, {
    content: 'Tell me a long story',
  });
  expect(sent.status).toBe(202);
  const messages = async (running: Awaited<ReturnType<typeof start>>) =>
    (await running.call('GET', `/conversations/${conversation.id}/messages`, account.token)).json.messages as {
      role: string;
      content: string;
      status: string;
    }[];
  // Wait until part of the answer is in the database.
  await expect
    .poll(async () => (await messages(first))[1]?.content.length ?? 0, { timeout: 10_000, interval: 100 })
    .toBeGreaterThan(0);
  return { first, start, messages };
}

function expectInterruptedAnswer(messages: { role: string; content: string; status: string }[]) {
  expect(messages[0]).toMatchObject({ role: 'user', content: 'Tell me a long story', status: 'complete' });
  expect(messages[1]).toMatchObject({ role: 'assistant', status: 'interrupted' });
  expect(messages[1]!.content.length).toBeGreaterThan(0);
  expect(messages[1]!.content.length).toBeLessThan(fullAnswer.length);
  expect(fullAnswer.startsWith(messages[1]!.content)).toBe(true);
}

describe('a server stopped mid-turn', () => {
  it('keeps the user message, and the partial answer marked interrupted, after kill -9 and restart', async () => {
    const { first, start, messages } = await serverMidTurn();
    first.server.child.kill('SIGKILL');
    await first.server.exit();

    const second = await start();
    expectInterruptedAnswer(await messages(second));
    expect(
      second.server.lines.some(
        (line) => line.msg === 'marked turns left open by a crash as interrupted' && line.count === 1,
      ),
    ).toBe(true);
    expect(await second.server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
  });

  it('closes the running answer as interrupted itself on SIGTERM, with everything streamed so far', async () => {
    const { first, start, messages } = await serverMidTurn();
    expect(await first.server.stop('SIGTERM')).toEqual({ code: 0, signal: null });

    const second = await start();
    expectInterruptedAnswer(await messages(second));
    // Nothing was left for crash recovery to do.
    expect(second.server.lines.some((line) => line.msg === 'marked turns left open by a crash as interrupted')).toBe(
      false,
    );
    await second.server.stop('SIGTERM');
  });
});
