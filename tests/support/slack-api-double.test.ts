import { verifySlackRequest } from '@slack/bolt';
import { SocketModeClient, LogLevel as SocketLogLevel } from '@slack/socket-mode';
import { ErrorCode, LogLevel, WebClient, type WebAPIPlatformError } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signSlackRequest } from './sign-slack-request.ts';
import { startSlackApiDouble, type SlackApiDouble } from './slack-api-double.ts';

// The real SDK clients against the double: what they send and what they accept is what Slack's wire format is.
let slack: SlackApiDouble;
let web: WebClient;
beforeEach(async () => {
  slack = await startSlackApiDouble({ botUserId: 'U0BOT' });
  web = new WebClient('xoxb-test', { slackApiUrl: slack.url, logLevel: LogLevel.ERROR, retryConfig: { retries: 0 } });
});
afterEach(() => slack.close());

const eventCallback = (text: string) => ({
  type: 'event_callback',
  team_id: 'T0KILN',
  api_app_id: 'A0KILN',
  event_id: `Ev${text}`,
  event_time: 1_700_000_000,
  event: { type: 'app_mention', user: 'U0ALICE', text, ts: '1700000000.000100', channel: 'C0GENERAL' },
});

describe('the Web API double, called by a real WebClient', () => {
  it('shows posts, updates, deletes and finished streams as Slack would', async () => {
    const auth = await web.auth.test();
    expect(auth.user_id).toBe('U0BOT');

    const posted = await web.chat.postMessage({ channel: 'C1', text: 'thinking…', blocks: [{ type: 'divider' }] });
    await web.chat.update({ channel: 'C1', ts: posted.ts!, text: 'done' });
    const gone = await web.chat.postMessage({ channel: 'C1', text: 'to delete' });
    await web.chat.delete({ channel: 'C1', ts: gone.ts! });

    const stream = await web.chat.startStream({ channel: 'C1', thread_ts: posted.ts!, markdown_text: 'Hel' });
    await web.chat.appendStream({ channel: 'C1', ts: stream.ts!, markdown_text: 'lo' });
    expect(slack.messages('C1')[1]).toMatchObject({ text: 'Hello', streaming: true });
    await web.chat.stopStream({ channel: 'C1', ts: stream.ts!, markdown_text: '!', blocks: [{ type: 'divider' }] });

    expect(slack.messages()).toEqual([
      { channel: 'C1', ts: posted.ts, text: 'done', blocks: [{ type: 'divider' }], streaming: false },
      {
        channel: 'C1',
        ts: stream.ts,
        threadTs: posted.ts,
        text: 'Hello!',
        blocks: [{ type: 'divider' }],
        streaming: false,
      },
    ]);
    expect(compare(posted.ts!, stream.ts!)).toBeLessThan(0);
    expect(slack.callsTo('chat.postMessage')[0]).toMatchObject({
      token: 'xoxb-test',
      args: { channel: 'C1', blocks: [{ type: 'divider' }] },
      answered: 200,
    });
  });

  it('streams the way the SDK’s chatStream helper sends chunks', async () => {
    const streamer = web.chatStream({ channel: 'D1', thread_ts: '1700000000.000100', buffer_size: 1 });
    await streamer.append({ markdown_text: 'one ' });
    await streamer.append({ markdown_text: 'two' });
    await streamer.stop();
    expect(slack.messages('D1')).toMatchObject([{ text: 'one two', streaming: false }]);
    await expect(web.chat.appendStream({ channel: 'D1', ts: streamer.ts!, markdown_text: 'late' })).rejects.toThrow(
      'message_not_in_streaming_state',
    );
  });

  it('answers a 429 with Retry-After, and WebClient waits that long before retrying', async () => {
    const patient = new WebClient('xoxb-test', {
      slackApiUrl: slack.url,
      logLevel: LogLevel.ERROR,
      retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 },
    });
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    await patient.chat.postMessage({ channel: 'C1', text: 'hi' });
    const [limited, retried] = slack.callsTo('chat.postMessage');
    expect(limited).toMatchObject({ answered: 429, error: 'ratelimited' });
    expect(retried).toMatchObject({ answered: 200 });
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(900);
    expect(slack.messages('C1')).toHaveLength(1);
  });

  it('turns a scripted error into a platform error carrying its code, once', async () => {
    const stream = await web.chat.startStream({ channel: 'D1', thread_ts: '1700000000.000100' });
    slack.failNext('chat.appendStream', { error: 'message_not_in_streaming_state' });
    const failure = await web.chat.appendStream({ channel: 'D1', ts: stream.ts!, markdown_text: 'a' }).catch((e) => e);
    expect(failure.code).toBe(ErrorCode.PlatformError);
    expect((failure as WebAPIPlatformError).data.error).toBe('message_not_in_streaming_state');
    await web.chat.appendStream({ channel: 'D1', ts: stream.ts!, markdown_text: 'b' });
    expect(slack.messages('D1')[0]!.text).toBe('b');
  });

  it('keeps an outage until it is cleared, and can drop connections', async () => {
    slack.failAlways('*', { status: 503 });
    await expect(web.auth.test()).rejects.toMatchObject({ code: ErrorCode.HTTPError, statusCode: 503 });
    slack.failAlways('*', undefined);
    slack.failNext('auth.test', { dropConnection: true });
    await expect(web.auth.test()).rejects.toMatchObject({ code: ErrorCode.RequestError });
    await web.auth.test();
    expect(slack.calls.map((call) => [call.answered, call.error])).toEqual([
      [503, 'internal_error'],
      [0, 'connection_dropped'],
      [200, undefined],
    ]);
  });

  it('refuses what Slack refuses', async () => {
    await expect(web.chat.postMessage({ channel: 'C1' } as never)).rejects.toThrow('no_text');
    await expect(web.chat.update({ channel: 'C1', ts: '1.000001', text: 'x' })).rejects.toThrow('message_not_found');
    await expect(web.apiCall('chat.teleport')).rejects.toThrow('unknown_method');
    const appToken = new WebClient('xapp-1-test', { slackApiUrl: slack.url, logLevel: LogLevel.ERROR });
    await expect(appToken.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toThrow('not_allowed_token_type');
    await expect(web.apps.connections.open()).rejects.toThrow('invalid_auth');
    await web.reactions.add({ channel: 'C1', timestamp: '1.000001', name: 'eyes' });
    await expect(web.reactions.add({ channel: 'C1', timestamp: '1.000001', name: 'eyes' })).rejects.toThrow(
      'already_reacted',
    );
    await web.reactions.remove({ channel: 'C1', timestamp: '1.000001', name: 'eyes' });
    expect(slack.reactions).toEqual([{ channel: 'C1', ts: '1.000001', name: 'eyes', removed: true }]);
  });

  it('waits for calls, and says which calls it saw when they do not come', async () => {
    const waiting = slack.waitFor((calls) => calls.some((call) => call.method === 'users.info'));
    const { user } = await web.users.info({ user: 'U0ALICE' });
    await waiting;
    expect(user?.profile?.display_name).toBeTruthy();
    await expect(slack.waitFor(() => false, 50)).rejects.toThrow(/users\.info → 200/);
  });
});

describe('the Socket Mode double, with a real SocketModeClient', () => {
  it('says hello, delivers envelopes, takes acks, and survives a refresh', { timeout: 10_000 }, async () => {
    // clientPingTimeout is also the SDK's delay before it reconnects.
    const client = new SocketModeClient({
      appToken: 'xapp-1-test',
      clientOptions: { slackApiUrl: slack.url },
      logLevel: SocketLogLevel.ERROR,
      clientPingTimeout: 300,
    });
    const received: unknown[] = [];
    client.on('slack_event', async ({ ack, type, body }) => {
      received.push({ type, body });
      await ack(type === 'slash_commands' ? { text: 'on it' } : undefined);
    });
    try {
      await client.start();
      await slack.socketMode.whenConnected();
      const ack = await slack.socketMode.send('events_api', eventCallback('first'), { envelopeId: 'env-1' });
      expect(ack).toEqual({ envelope_id: 'env-1', payload: {} });
      const commandAck = await slack.socketMode.send('slash_commands', { command: '/kiln', text: 'help' });
      expect(commandAck.payload).toEqual({ text: 'on it' });

      slack.socketMode.disconnect();
      await slack.socketMode.whenConnected(2);
      expect(slack.socketMode.connections).toBe(2);
      expect(slack.callsTo('apps.connections.open')).toHaveLength(2);
      await slack.socketMode.send('events_api', eventCallback('second'));
      expect(received).toMatchObject([
        { type: 'events_api', body: { event: { text: 'first' } } },
        { type: 'slash_commands', body: { command: '/kiln' } },
        { type: 'events_api', body: { event: { text: 'second' } } },
      ]);
    } finally {
      await client.disconnect();
    }
  });

  it('fails a send that no client acks', async () => {
    await expect(slack.socketMode.send('events_api', eventCallback('lost'), { timeoutMs: 100 })).rejects.toThrow(
      /no Socket Mode client connected/,
    );
  });
});

describe('signSlackRequest', () => {
  it('signs the way Bolt verifies', () => {
    const body = 'command=%2Fkiln&text=help';
    const headers = signSlackRequest('shh', body, undefined, 'application/x-www-form-urlencoded');
    expect(headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(() => verifySlackRequest({ signingSecret: 'shh', body, headers: headers as never })).not.toThrow();
    const stale = signSlackRequest('shh', body, Math.floor(Date.now() / 1000) - 600);
    expect(() => verifySlackRequest({ signingSecret: 'shh', body, headers: stale as never })).toThrow();
    const forged = signSlackRequest('guess', body);
    expect(() => verifySlackRequest({ signingSecret: 'shh', body, headers: forged as never })).toThrow();
  });
});

function compare(a: string, b: string) {
  return Number(a) - Number(b);
}
