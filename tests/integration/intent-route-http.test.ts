import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScriptedProvider } from '../support/scripted-provider.ts';
import { startTestServer } from '../support/test-server.ts';

let kiln: Awaited<ReturnType<typeof startTestServer>>;
let token: string;

beforeAll(async () => {
  kiln = await startTestServer({ provider: new ScriptedProvider() });
  token = (await kiln.register()).token;
});
afterAll(async () => {
  await kiln?.stop();
});

describe('POST /api/v1/route', () => {
  it('says which agent a message would go to, how it decided, and why', async () => {
    const trace =
      "why does this fail?\nTypeError: Cannot read properties of undefined (reading 'id')\n    at save (/app/src/orders.js:31:18)";
    const response = await kiln.api('POST', '/route', { token, body: { text: trace } });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      intent: 'debug',
      confidence: expect.any(Number),
      via: 'classifier',
      reason: expect.stringContaining('stack trace'),
    });
    expect(response.json.confidence).toBeGreaterThan(0.5);
    expect(response.json.confidence).toBeLessThanOrEqual(1);

    expect(
      (await kiln.api('POST', '/route', { token, body: { text: 'list the files in /tmp/x' } })).json,
    ).toMatchObject({ intent: 'tool', via: 'classifier' });
    expect((await kiln.api('POST', '/route', { token, body: { text: 'thanks!' } })).json).toMatchObject({
      intent: 'smalltalk',
    });
  });

  it('follows slash commands', async () => {
    const response = await kiln.api('POST', '/route', { token, body: { text: '/code a retry helper' } });
    expect(response.json).toEqual({
      intent: 'generate',
      confidence: 1,
      via: 'rule',
      reason: 'the message starts with /code',
    });
  });

  it('routes the chat the same way: the turn carries the decision', async () => {
    const conversation = await kiln.newConversation(token);
    const response = await kiln.api('POST', `/conversations/${conversation.id}/messages`, {
      token,
      body: { content: 'Upgrade our app from Django 3.2 to Django 5.0, what breaks?' },
      headers: { accept: 'text/event-stream' },
    });
    const intentFrame = response.text.split('\n\n').find((frame) => frame.includes('event: intent'));
    const event = JSON.parse(
      intentFrame!
        .split('\n')
        .find((line) => line.startsWith('data: '))!
        .slice('data: '.length),
    );
    expect(event).toMatchObject({ type: 'intent', intent: 'migrate', via: 'classifier' });
  });

  it('needs a signed-in user', async () => {
    const response = await kiln.api('POST', '/route', { body: { text: 'hello' } });
    expect(response.status).toBe(401);
  });

  it('rejects bad input with a 400 that names the problem', async () => {
    const missing = await kiln.api('POST', '/route', { token, body: {} });
    expect(missing.status).toBe(400);
    expect(missing.json.error).toMatchObject({
      code: 'invalid_request',
      details: [{ field: 'text', message: 'is required' }],
    });

    const blank = await kiln.api('POST', '/route', { token, body: { text: '  \n ' } });
    expect(blank.json.error.details).toEqual([{ field: 'text', message: 'must not be empty' }]);

    const tooLong = await kiln.api('POST', '/route', { token, body: { text: 'y'.repeat(32_001) } });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.error.details[0].field).toBe('text');

    const notJson = await kiln.api('POST', '/route', {
      token,
      body: '{"text": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
    expect(notJson.json.error.message).toBe('The request body is not valid JSON.');

    expect((await kiln.api('POST', '/route', { token, body: { text: 42 } })).status).toBe(400);
  });
});
