import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScriptedProvider } from '../support/scripted-provider.ts';
import { signSlackRequest } from '../support/sign-slack-request.ts';
import { startSlackApiDouble, type SlackApiDouble } from '../support/slack-api-double.ts';
import { startTestServer } from '../support/test-server.ts';
import { tablesOwnedByUser } from '../../server/slack/slack-repository.ts';

const secret = 'slack-signing-secret-for-tests';
const team = 'T0KILN';
const bot = 'U0KILNBOT';

let slack: SlackApiDouble;
let kiln: Awaited<ReturnType<typeof startTestServer>>;
const provider = new ScriptedProvider({ delayMs: 60 });
/** A paced answer: long enough to be streamed in several writes. */
const answer = Array.from({ length: 30 }, (_, index) => `word${index} `);
let sequence = 0;
const nextTs = () => `${1_770_000_000 + (sequence += 1)}.000100`;
const nextEventId = () => `Ev${Date.now()}${(sequence += 1)}`;

function eventBody(event: Record<string, unknown>, eventId = nextEventId()) {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: team,
    api_app_id: 'A0KILN',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event: { event_ts: event.ts, ...event },
  });
}

async function postSigned(
  body: string,
  options: { headers?: Record<string, string>; form?: boolean; timestamp?: number; secret?: string } = {},
) {
  const headers = signSlackRequest(
    options.secret ?? secret,
    body,
    options.timestamp,
    options.form ? 'application/x-www-form-urlencoded' : 'application/json',
  );
  const started = performance.now();
  const response = await fetch(`${kiln.url}/slack/events`, {
    method: 'POST',
    headers: { ...headers, ...options.headers },
    body,
  });
  return { status: response.status, text: await response.text(), ms: performance.now() - started };
}

const mention = (channel: string, text: string, extra: Record<string, unknown> = {}) => {
  const ts = nextTs();
  return {
    ts,
    body: eventBody({ type: 'app_mention', user: 'U0ANA', text: `<@${bot}> ${text}`, ts, channel, ...extra }),
  };
};

/** The streamed or posted replies in one thread, once each has ended (stream stopped / footer written). */
async function repliesIn(channel: string, threadTs: string, count: number, options: { streamEnded?: boolean } = {}) {
  await slack.waitFor(
    () =>
      slack
        .messages(channel)
        .filter(
          (message) =>
            message.threadTs === threadTs && (options.streamEnded === false || !message.streaming) && message.blocks,
        ).length >= count,
    20_000,
  );
  return slack.messages(channel).filter((message) => message.threadTs === threadTs);
}

const actionIds = (blocks: unknown[] | undefined) =>
  JSON.stringify(blocks ?? [])
    .match(/kiln_feedback_(up|down)/g)
    ?.sort() ?? [];

beforeAll(async () => {
  slack = await startSlackApiDouble({ botUserId: bot, teamId: team });
  provider.tokens = answer;
  kiln = await startTestServer({
    provider,
    // As one of several servers: messages go through the job queue (a server alone answers them in place).
    environment: {
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: secret,
      SLACK_API_URL: slack.url,
      KILN_CLUSTER: 'on',
    },
  });
}, 120_000);

afterAll(async () => {
  await kiln?.stop();
  await slack?.close();
});

describe('Slack Events API', () => {
  it('answers url_verification and ssl_check, and /ready names the adapter', async () => {
    const challenge = await postSigned(JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 'x' }));
    expect(challenge.status).toBe(200);
    expect(JSON.parse(challenge.text)).toEqual({ challenge: 'c-123' });
    const ssl = await postSigned('ssl_check=1&token=x', { form: true });
    expect(ssl.status).toBe(200);
    const ready = (await (await fetch(`${kiln.url}/ready`)).json()) as { checks: Record<string, { detail: string }> };
    expect(ready.checks.slack!.detail).toMatch(/Events API at \/slack\/events/);
  });

  it('streams one answer into the thread of a mention, with sources, the intent and thumbs', async () => {
    const { ts, body } = mention('C0GENERAL', 'what is a debounce function?');
    const response = await postSigned(body);
    expect(response.status).toBe(200);
    expect(response.ms).toBeLessThan(1_000);
    const replies = await repliesIn('C0GENERAL', ts, 1);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toContain('word0 word1');
    expect(replies[0]!.text).toContain('word29');
    expect(actionIds(replies[0]!.blocks)).toEqual(['kiln_feedback_down', 'kiln_feedback_up']);
    expect(JSON.stringify(replies[0]!.blocks)).toMatch(/intent/);
    // After the ack the message went through the job queue, where any server could have taken it.
    const jobs = (await kiln.server.infrastructure.dataSource.query(
      `SELECT state, output FROM pgboss.job WHERE name = 'kiln.slack-message' AND data->>'ts' = $1`,
      [ts],
    )) as { state: string; output: unknown }[];
    expect(jobs).toEqual([{ state: 'completed', output: { channel: 'C0GENERAL', ts, started: true } }]);
    const starts = slack.callsTo('chat.startStream').filter((call) => call.args.thread_ts === ts);
    expect(starts).toHaveLength(1);
    expect(starts[0]!.args).toMatchObject({
      channel: 'C0GENERAL',
      recipient_user_id: 'U0ANA',
      recipient_team_id: team,
    });
    // Streamed in several writes, at most about one a second.
    const appends = slack.callsTo('chat.appendStream').filter((call) => call.args.ts === replies[0]!.ts);
    expect(appends.length).toBeGreaterThan(0);
    for (let index = 1; index < appends.length; index += 1) {
      expect(appends[index]!.at - appends[index - 1]!.at).toBeGreaterThanOrEqual(900);
    }
  });

  it('takes an event once however often Slack retries it', async () => {
    const { ts, body } = mention('C0GENERAL', 'how do I throttle a function?');
    const first = await postSigned(body);
    const retries = await Promise.all(
      [1, 2, 3].map((retry) =>
        postSigned(body, { headers: { 'x-slack-retry-num': String(retry), 'x-slack-retry-reason': 'http_timeout' } }),
      ),
    );
    expect([first, ...retries].map((response) => response.status)).toEqual([200, 200, 200, 200]);
    await repliesIn('C0GENERAL', ts, 1);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(slack.messages('C0GENERAL').filter((message) => message.threadTs === ts)).toHaveLength(1);
    expect(slack.callsTo('chat.startStream').filter((call) => call.args.thread_ts === ts)).toHaveLength(1);
  });

  it('refuses a bad signature or an old timestamp with 401 and changes nothing', async () => {
    const { ts, body } = mention('C0GENERAL', 'is this signed?');
    const eventId = (JSON.parse(body) as { event_id: string }).event_id;
    const forged = await postSigned(body, { secret: 'not-the-secret' });
    const stale = await postSigned(body, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    const future = await postSigned(body, { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 });
    const unsigned = await fetch(`${kiln.url}/slack/events`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect([forged.status, stale.status, future.status, unsigned.status]).toEqual([401, 401, 401, 401]);
    expect(JSON.parse(forged.text).error.code).toBe('invalid_signature');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(slack.calls.filter((call) => call.args.thread_ts === ts)).toHaveLength(0);
    // The event id was not spent: the genuine request is answered.
    expect((JSON.parse(body) as { event_id: string }).event_id).toBe(eventId);
    expect((await postSigned(body)).status).toBe(200);
    await repliesIn('C0GENERAL', ts, 1);
  });

  it('answers a malformed payload with 400, never 5xx', async () => {
    const bodies = [
      'not json',
      '[]',
      JSON.stringify({ no: 'type' }),
      JSON.stringify({ type: 'event_callback', event_id: 'Ev1' }),
      JSON.stringify({ type: 'event_callback', event: { type: 'app_mention' } }),
    ];
    for (const body of bodies) expect((await postSigned(body)).status, body).toBe(400);
    expect((await postSigned('payload=%7Bnot-json', { form: true })).status).toBe(400);
    expect((await postSigned('text=hello', { form: true })).status).toBe(400);
  });

  it('never answers a signed but hostile body with a 5xx', async () => {
    const hostile = [
      JSON.stringify({
        type: 'event_callback',
        event_id: 'EvH1',
        team_id: team,
        event: { type: 'app_mention', user: null, text: 42 },
      }),
      JSON.stringify({
        type: 'event_callback',
        event_id: 'EvH2',
        team_id: team,
        event: { type: 'message', channel: 7, ts: [] },
      }),
      JSON.stringify({
        type: 'event_callback',
        event_id: 'EvH3',
        event: { type: 'app_mention', text: `<@${bot}>`, user: 'U0X', ts: '1.1', channel: 'C0X' },
      }),
      JSON.stringify({ type: 'block_actions', nested: JSON.parse('['.repeat(500) + ']'.repeat(500)) }),
      JSON.stringify({ type: 'no_such_type', '\u0000': '\ud800' }),
      JSON.stringify({
        type: 'event_callback',
        event_id: 'EvH4',
        event: { type: 'app_mention', text: 'x'.repeat(200_000), user: 'U0X', ts: '2.2', channel: 'C0X' },
      }),
    ];
    for (const body of hostile) expect((await postSigned(body)).status, body.slice(0, 80)).toBeLessThan(500);
    const forms = [
      'command=%2Fkiln&team_id=T&user_id=U&channel_id=C',
      `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', actions: [{ action_id: 'kiln_feedback_up', value: '{"c":"nope"}' }], user: { id: 'U' }, channel: { id: 'C' } }))}`,
      `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions' }))}`,
      '%%%=&&=',
    ];
    for (const body of forms)
      expect((await postSigned(body, { form: true })).status, body.slice(0, 80)).toBeLessThan(500);
  });

  it('ignores its own messages, other bots, edits and deletions', async () => {
    const before = slack.calls.length;
    const thread = mention('C0GENERAL', 'start a thread');
    await postSigned(thread.body);
    await repliesIn('C0GENERAL', thread.ts, 1);
    const quiet = [
      { type: 'message', channel: 'D0ANA', channel_type: 'im', user: bot, text: 'my own words', ts: nextTs() },
      { type: 'message', channel: 'D0ANA', channel_type: 'im', bot_id: 'B0OTHER', text: 'another bot', ts: nextTs() },
      { type: 'message', subtype: 'bot_message', channel: 'D0ANA', channel_type: 'im', text: 'a bot', ts: nextTs() },
      {
        type: 'message',
        subtype: 'message_changed',
        channel: 'D0ANA',
        channel_type: 'im',
        message: { user: 'U0ANA', text: 'edited' },
        ts: nextTs(),
      },
      { type: 'message', subtype: 'message_deleted', channel: 'D0ANA', channel_type: 'im', ts: nextTs() },
      // In a channel, a message outside any thread Kiln is in.
      { type: 'message', channel: 'C0GENERAL', channel_type: 'channel', user: 'U0ANA', text: 'chatter', ts: nextTs() },
    ];
    const calls = slack.calls.length;
    for (const event of quiet) expect((await postSigned(eventBody(event))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(slack.calls.slice(calls).map((call) => call.method)).toEqual([]);
    expect(slack.calls.length).toBeGreaterThan(before);
  });

  it('continues a channel thread it was mentioned in, as one conversation', async () => {
    const start = mention('C0TEAM', 'what does a circuit breaker do?');
    await postSigned(start.body);
    await repliesIn('C0TEAM', start.ts, 1);
    const requestsBefore = provider.requests.length;
    const followUp = {
      type: 'message',
      channel: 'C0TEAM',
      channel_type: 'channel',
      user: 'U0ANA',
      text: 'and when should it close again?',
      ts: nextTs(),
      thread_ts: start.ts,
    };
    await postSigned(eventBody(followUp));
    const replies = await repliesIn('C0TEAM', start.ts, 2);
    expect(replies).toHaveLength(2);
    // The model saw the earlier exchange: one conversation.
    const request = provider.requests.slice(requestsBefore).at(-1)!;
    expect(JSON.stringify(request.messages)).toContain('circuit breaker');
  });

  it('keeps a DM conversation going, and a link code moves it into the web account', async () => {
    const first = {
      type: 'message',
      channel: 'D0BEA',
      channel_type: 'im',
      user: 'U0BEA',
      text: 'what is memoization?',
      ts: nextTs(),
    };
    await postSigned(eventBody(first));
    await repliesIn('D0BEA', first.ts, 1);
    const requestsBefore = provider.requests.length;
    const second = {
      type: 'message',
      channel: 'D0BEA',
      channel_type: 'im',
      user: 'U0BEA',
      text: 'show one in TypeScript',
      ts: nextTs(),
    };
    await postSigned(eventBody(second));
    await repliesIn('D0BEA', second.ts, 1);
    expect(JSON.stringify(provider.requests.slice(requestsBefore).at(-1)!.messages)).toContain('memoization');

    const web = await kiln.register('bea@example.com');
    const code = await kiln.api('POST', '/slack/link-codes', { token: web.token });
    expect(code.status).toBe(201);
    expect(code.json.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const link = {
      type: 'message',
      channel: 'D0BEA',
      channel_type: 'im',
      user: 'U0BEA',
      text: `link ${code.json.code}`,
      ts: nextTs(),
    };
    await postSigned(eventBody(link));
    await slack.waitFor(() => slack.messages('D0BEA').some((message) => message.text.startsWith('Linked')));
    const status = await kiln.api('GET', '/slack', { token: web.token });
    expect(status.json).toMatchObject({
      enabled: true,
      mode: 'events',
      links: [{ teamId: team, slackUserId: 'U0BEA' }],
    });
    const conversations = await kiln.api('GET', '/conversations', { token: web.token });
    const items = conversations.json.items ?? conversations.json.conversations ?? conversations.json;
    expect(items).toHaveLength(1);
    const messages = await kiln.api('GET', `/conversations/${items[0].id}/messages`, { token: web.token });
    const contents = JSON.stringify(messages.json);
    expect(contents).toContain('what is memoization?');
    expect(contents).toContain('show one in TypeScript');
    // A code works once.
    const again = { ...link, ts: nextTs() };
    await postSigned(eventBody(again));
    await slack.waitFor(() =>
      slack.messages('D0BEA').some((message) => message.text.includes('does not know that code')),
    );
  });

  it('lets others continue a channel thread, but not into a project they are not a member of', async () => {
    const owner = await kiln.register('owner-of-project@example.com');
    const code = await kiln.api('POST', '/slack/link-codes', { token: owner.token });
    const link = {
      type: 'message',
      channel: 'D0OWN',
      channel_type: 'im',
      user: 'U0OWN',
      text: `link ${code.json.code}`,
      ts: nextTs(),
    };
    await postSigned(eventBody(link));
    await slack.waitFor(() => slack.messages('D0OWN').some((message) => message.text.startsWith('Linked')));
    const start = { ts: nextTs() };
    await postSigned(
      eventBody({
        type: 'app_mention',
        user: 'U0OWN',
        text: `<@${bot}> what is a ring buffer?`,
        ts: start.ts,
        channel: 'C0PRJ',
      }),
    );
    await repliesIn('C0PRJ', start.ts, 1);
    const conversations = await kiln.api('GET', '/conversations', { token: owner.token });
    const conversationId = conversations.json.conversations[0].id as string;
    const project = await kiln.api('POST', '/projects', { token: owner.token, body: { name: 'Private code' } });
    expect(
      (
        await kiln.api('PATCH', `/conversations/${conversationId}`, {
          token: owner.token,
          body: { projectId: project.json.id },
        })
      ).status,
    ).toBe(200);
    const outsider = {
      type: 'message',
      channel: 'C0PRJ',
      channel_type: 'channel',
      user: 'U0OUT',
      text: 'what does our private code do?',
      ts: nextTs(),
      thread_ts: start.ts,
    };
    const requests = provider.requests.length;
    await postSigned(eventBody(outsider));
    await slack.waitFor(() =>
      slack.messages('C0PRJ').some((message) => message.threadTs === start.ts && message.text.includes('not a member')),
    );
    expect(provider.requests.length).toBe(requests);
  });

  it('moves every table a user owns rows in when linking (none is left to cascade away)', async () => {
    const rows = (await kiln.server.infrastructure.dataSource.query(
      `SELECT table_name FROM information_schema.columns WHERE column_name = 'owner_id' AND table_schema = 'public'`,
    )) as { table_name: string }[];
    expect(rows.map((row) => row.table_name).sort()).toEqual([...tablesOwnedByUser].sort());
  });

  it('falls back to posting and editing where Slack cannot stream', async () => {
    slack.failNext('chat.startStream', { error: 'unknown_method' });
    const { ts, body } = mention('C0OLD', 'what is a closure?');
    await postSigned(body);
    const replies = await repliesIn('C0OLD', ts, 1);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.streaming).toBe(false);
    expect(replies[0]!.text).toContain('word29');
    const updates = slack.callsTo('chat.update').filter((call) => call.args.ts === replies[0]!.ts);
    expect(updates.length).toBeGreaterThan(1);
    for (let index = 1; index < updates.length; index += 1) {
      expect(updates[index]!.at - updates[index - 1]!.at).toBeGreaterThanOrEqual(900);
    }
    expect(actionIds(replies[0]!.blocks)).toEqual(['kiln_feedback_down', 'kiln_feedback_up']);
  });

  it('goes on by editing when Slack ends a stream early', async () => {
    slack.failNext('chat.appendStream', { error: 'message_not_in_streaming_state' });
    const { ts, body } = mention('C0EXPIRE', 'what is a promise?');
    await postSigned(body);
    // (The double does not know Slack ended the stream: it still calls the message streaming.)
    const replies = await repliesIn('C0EXPIRE', ts, 1, { streamEnded: false });
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toContain('word29');
    expect(slack.callsTo('chat.update').some((call) => call.args.ts === replies[0]!.ts)).toBe(true);
  });

  it('shows a reaction while working where the thread cannot show a status', async () => {
    slack.failNext('assistant.threads.setStatus', { error: 'missing_scope' });
    const { ts, body } = mention('C0REACT', 'what is a trie?');
    await postSigned(body);
    await repliesIn('C0REACT', ts, 1);
    await slack.waitFor(() => slack.callsTo('reactions.remove').some((call) => call.args.timestamp === ts));
    const reaction = slack.reactions.find((entry) => entry.ts === ts);
    expect(reaction).toMatchObject({ channel: 'C0REACT', name: 'hourglass_flowing_sand', removed: true });
  });

  it('splits a long answer at Slack limits, streamed or edited', async () => {
    const paragraph = `${'A long line of the answer that goes on. '.repeat(24)}\n\n`;
    provider.tokens = Array.from({ length: 42 }, () => paragraph);
    try {
      const streamed = mention('C0LONG', 'explain everything about event loops');
      await postSigned(streamed.body);
      const messages = await repliesIn('C0LONG', streamed.ts, 1);
      expect(messages.length).toBeGreaterThanOrEqual(2);
      for (const message of messages) expect(message.text.length).toBeLessThanOrEqual(40_000);
      for (const call of slack.callsTo('chat.appendStream')) {
        expect(String(call.args.markdown_text ?? '').length).toBeLessThanOrEqual(12_000);
      }
      expect(messages.map((message) => message.text).join('')).toContain(paragraph.trim().slice(0, 200));

      slack.failNext('chat.startStream', { error: 'unknown_method' });
      const edited = mention('C0LONG', 'explain everything about promises');
      await postSigned(edited.body);
      await slack.waitFor(
        () => slack.messages('C0LONG').some((message) => message.threadTs === edited.ts && message.blocks),
        30_000,
      );
      const parts = slack.messages('C0LONG').filter((message) => message.threadTs === edited.ts);
      expect(parts.length).toBeGreaterThan(10);
      for (const part of parts) expect(part.text.length).toBeLessThanOrEqual(3_000);
      expect(parts.at(-1)!.blocks).toBeDefined();
    } finally {
      provider.tokens = answer;
    }
  }, 60_000);

  it('waits out a 429 as Retry-After says', async () => {
    slack.failNext('chat.startStream', { status: 429, retryAfter: 1 });
    const { ts, body } = mention('C0BUSY', 'what is a mutex?');
    await postSigned(body);
    await repliesIn('C0BUSY', ts, 1);
    const starts = slack.callsTo('chat.startStream').filter((call) => call.args.thread_ts === ts);
    expect(starts.map((call) => call.answered)).toEqual([429, 200]);
    expect(starts[1]!.at - starts[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('ends the turn normally when Slack fails mid-answer, and says the answer was cut short', async () => {
    const web = await kiln.register('cid@example.com');
    const code = await kiln.api('POST', '/slack/link-codes', { token: web.token });
    const link = {
      type: 'message',
      channel: 'D0CID',
      channel_type: 'im',
      user: 'U0CID',
      text: `link ${code.json.code}`,
      ts: nextTs(),
    };
    await postSigned(eventBody(link));
    await slack.waitFor(() => slack.messages('D0CID').some((message) => message.text.startsWith('Linked')));

    const ask = {
      type: 'message',
      channel: 'D0CID',
      channel_type: 'im',
      user: 'U0CID',
      text: 'what is a semaphore?',
      ts: nextTs(),
    };
    await postSigned(eventBody(ask));
    await slack.waitFor(() => slack.callsTo('chat.startStream').some((call) => call.args.thread_ts === ask.ts));
    slack.failAlways('chat.appendStream', { status: 503 });
    const replies = await repliesIn('D0CID', ask.ts, 1);
    slack.failAlways('chat.appendStream', undefined);
    expect(JSON.stringify(replies.at(-1)!.blocks)).toContain('Cut short');
    // The whole answer is in Kiln.
    const conversations = await kiln.api('GET', '/conversations', { token: web.token });
    const items = conversations.json.items ?? conversations.json.conversations ?? conversations.json;
    const messages = await kiln.api('GET', `/conversations/${items[0].id}/messages`, { token: web.token });
    const last = (messages.json.messages as { role: string; content: string; status: string }[]).at(-1)!;
    expect(last).toMatchObject({ role: 'assistant', status: 'complete' });
    expect(last.content).toContain('word29');
  });

  it('takes /kiln <intent> <text> and thumbs on the answer', async () => {
    const form = new URLSearchParams({
      token: 'x',
      team_id: team,
      team_domain: 'kiln',
      channel_id: 'C0CMD',
      channel_name: 'general',
      user_id: 'U0DAN',
      user_name: 'dan',
      command: '/kiln',
      text: 'review const total = items.reduce((a, b) => a + b);',
      response_url: `${slack.url}response`,
      trigger_id: 't1',
      api_app_id: 'A0KILN',
    }).toString();
    const response = await postSigned(form, { form: true });
    expect(response.status).toBe(200);
    await slack.waitFor(() => slack.messages('C0CMD').some((message) => message.text.includes('asked Kiln (review)')));
    const question = slack.messages('C0CMD').find((message) => message.text.includes('asked Kiln (review)'))!;
    const replies = await repliesIn('C0CMD', question.ts, 1);
    expect(JSON.stringify(replies[0]!.blocks)).toContain('review');

    const buttons = (replies[0]!.blocks as { type: string; elements?: { action_id?: string; value?: string }[] }[])
      .filter((block) => block.type === 'actions')
      .flatMap((block) => block.elements ?? []);
    const value = buttons.find((button) => button.action_id === 'kiln_feedback_up')!.value!;
    const payload = {
      type: 'block_actions',
      team: { id: team, domain: 'kiln' },
      user: { id: 'U0DAN', team_id: team },
      channel: { id: 'C0CMD' },
      message: { ts: replies[0]!.ts },
      container: { type: 'message', message_ts: replies[0]!.ts, channel_id: 'C0CMD' },
      actions: [{ type: 'button', action_id: 'kiln_feedback_up', block_id: 'feedback', value, action_ts: '1' }],
      response_url: `${slack.url}response`,
      trigger_id: 't2',
    };
    const click = await postSigned(`payload=${encodeURIComponent(JSON.stringify(payload))}`, { form: true });
    expect(click.status).toBe(200);
    await slack.waitFor(() =>
      slack.callsTo('chat.postEphemeral').some((call) => String(call.args.text).includes('helpful')),
    );
    // Someone else's thumb on Dan's answer is refused.
    const stranger = { ...payload, user: { id: 'U0EVE', team_id: team } };
    await postSigned(`payload=${encodeURIComponent(JSON.stringify(stranger))}`, { form: true });
    await slack.waitFor(() =>
      slack
        .callsTo('chat.postEphemeral')
        .some((call) => call.args.user === 'U0EVE' && String(call.args.text).includes('Only')),
    );
  });
});
