import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSlackRequest } from '../support/sign-slack-request.ts';
import { startSlackApiDouble, type SlackApiDouble } from '../support/slack-api-double.ts';
import { temporaryDirectory } from '../support/temporary-directory.ts';
import { startTestServer } from '../support/test-server.ts';

const team = 'T0KILN';
const bot = 'U0KILNBOT';

let slack: SlackApiDouble;
let kiln: Awaited<ReturnType<typeof startTestServer>>;
let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
let sequence = 0;
/** An event the same data directory answered before, over the Events API, before a restart into Socket Mode. */
let answeredBefore: ReturnType<typeof mentionEnvelope>;

function mentionEnvelope(text: string) {
  sequence += 1;
  const ts = `${1_770_100_000 + sequence}.000200`;
  return {
    ts,
    payload: {
      token: 'legacy',
      team_id: team,
      api_app_id: 'A0KILN',
      type: 'event_callback',
      event_id: `EvSocket${sequence}`,
      event_time: Math.floor(Date.now() / 1000),
      event: { type: 'app_mention', user: 'U0ANA', text: `<@${bot}> ${text}`, ts, channel: 'C0SOCK', event_ts: ts },
    },
  };
}

async function answered(threadTs: string) {
  await slack.waitFor(
    () =>
      slack.messages('C0SOCK').some((message) => message.threadTs === threadTs && !message.streaming && message.blocks),
    20_000,
  );
  return slack.messages('C0SOCK').filter((message) => message.threadTs === threadTs);
}

beforeAll(async () => {
  slack = await startSlackApiDouble({ botUserId: bot, teamId: team });
  dataDir = await temporaryDirectory('kiln-slack');
  const before = await startTestServer({
    dataDirectory: dataDir.path,
    environment: { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: slack.url },
  });
  answeredBefore = mentionEnvelope('what is a bloom filter?');
  const body = JSON.stringify(answeredBefore.payload);
  const response = await fetch(`${before.url}/slack/events`, {
    method: 'POST',
    headers: signSlackRequest('secret', body),
    body,
  });
  expect(response.status).toBe(200);
  await answered(answeredBefore.ts);
  await before.stop();
  kiln = await startTestServer({
    dataDirectory: dataDir.path,
    environment: { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_APP_TOKEN: 'xapp-1-test', SLACK_API_URL: slack.url },
  });
  await slack.socketMode.whenConnected(1, 10_000);
}, 120_000);

afterAll(async () => {
  await kiln?.stop();
  await slack?.close();
  await dataDir?.remove();
});

describe('Slack Socket Mode', () => {
  it('dials Slack with the app token and says so in /ready; /slack/events is not used', async () => {
    const opens = slack.callsTo('apps.connections.open');
    expect(opens.length).toBeGreaterThanOrEqual(1);
    expect(opens[0]!.token).toBe('xapp-1-test');
    const ready = (await (await fetch(`${kiln.url}/ready`)).json()) as {
      checks: Record<string, { ok: boolean; detail: string }>;
    };
    expect(ready.checks.slack).toMatchObject({ ok: true });
    expect(ready.checks.slack!.detail).toMatch(/Socket Mode connected/);
    const events = await fetch(`${kiln.url}/slack/events`, { method: 'POST', body: '{}' });
    expect(events.status).toBe(404);
    expect(((await events.json()) as { error: { code: string } }).error.code).toBe('slack_socket_mode');
  });

  it('acks an envelope at once and streams the answer into the thread', async () => {
    const { ts, payload } = mentionEnvelope('what is a debounce function?');
    const started = performance.now();
    const ack = await slack.socketMode.send('events_api', payload);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(ack.envelope_id).toBeTruthy();
    const replies = await answered(ts);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text.length).toBeGreaterThan(20);
  });

  it('answers a redelivered envelope once', async () => {
    const { ts, payload } = mentionEnvelope('how do I throttle a function?');
    await slack.socketMode.send('events_api', payload);
    await slack.socketMode.send('events_api', payload, { retryAttempt: 1 });
    await answered(ts);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(slack.messages('C0SOCK').filter((message) => message.threadTs === ts)).toHaveLength(1);
  });

  it('does not answer again, after a restart, an event it answered before', async () => {
    const ack = await slack.socketMode.send('events_api', answeredBefore.payload, { retryAttempt: 2 });
    expect(ack.envelope_id).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(slack.messages('C0SOCK').filter((message) => message.threadTs === answeredBefore.ts)).toHaveLength(1);
  });

  it('reconnects when Slack sends a disconnect frame, and goes on answering', async () => {
    slack.socketMode.disconnect('refresh_requested');
    await slack.socketMode.whenConnected(2, 20_000);
    expect(slack.socketMode.connections).toBeGreaterThanOrEqual(2);
    const { ts, payload } = mentionEnvelope('what is a mutex?');
    await slack.socketMode.send('events_api', payload);
    expect(await answered(ts)).toHaveLength(1);
  }, 40_000);

  it('takes /kiln over the socket, acking the command', async () => {
    const ack = await slack.socketMode.send('slash_commands', {
      token: 'legacy',
      team_id: team,
      channel_id: 'C0SOCK',
      user_id: 'U0BEA',
      command: '/kiln',
      text: 'help',
      api_app_id: 'A0KILN',
    });
    expect(JSON.stringify(ack.payload)).toContain('/kiln <intent> <question>');
  });
});
