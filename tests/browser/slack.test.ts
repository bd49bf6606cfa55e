import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSlackRequest } from '../support/sign-slack-request.ts';
import { startSlackApiDouble, type SlackApiDouble } from '../support/slack-api-double.ts';
import {
  sessionToken,
  signInWithToken,
  signUp,
  startBrowserSession,
  type BrowserSession,
} from './support/browser-session.ts';

// The Slack page through the real UI, against a Kiln whose Slack adapter talks to a local double of Slack's Web
// API: a link code got on the page and sent as Slack would (a signed DM event), the link listed once the window
// has focus again, unlinked; a code's countdown and expiry; the off state of a Kiln without Slack settings; and
// the Knowledge page's pattern deep link (`?pattern=<id>`, which Slack answers link to).
const signingSecret = 'secret';

const openSlackPage = async (page: Page) => {
  await page.locator('aside').getByRole('link', { name: 'Slack', exact: true }).click();
  await page.waitForURL('**/slack', { waitUntil: 'commit' });
  await page.getByRole('heading', { name: 'Slack', level: 1 }).waitFor();
};

describe('with the Slack adapter on', () => {
  let slack: SlackApiDouble;
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    slack = await startSlackApiDouble();
    session = await startBrowserSession({
      environment: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: slack.url },
    });
    page = await session.newPage();
    await signUp(page, session.url, 'slacker@example.com');
  });
  afterAll(async () => {
    await session?.stop();
    await slack?.close();
  });

  const links = () => page.getByRole('table', { name: 'Linked Slack accounts' });

  /** Sends `text` to the Kiln bot in a DM, as Slack's Events API would: a signed `event_callback`. */
  async function directMessage(text: string, eventId: string) {
    const now = Math.floor(Date.now() / 1000);
    const body = JSON.stringify({
      type: 'event_callback',
      team_id: 'T0KILN',
      event_id: eventId,
      event_time: now,
      event: { type: 'message', channel: 'D0X', channel_type: 'im', user: 'U0ME', text, ts: '1770000000.000100' },
    });
    const response = await fetch(`${session.kiln.url}/slack/events`, {
      method: 'POST',
      headers: signSlackRequest(signingSecret, body, now),
      body,
    });
    expect(response.status).toBe(200);
  }

  it('links a Slack account with a code from the page, lists it when the window regains focus, and unlinks it', async () => {
    await openSlackPage(page);
    await expect.poll(() => page.getByText('No Slack account is linked yet.').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Get a link code' }).click();
    const code = (await page.getByLabel('Code', { exact: true }).textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(await page.getByLabel('Command', { exact: true }).textContent()).toBe(`/kiln link ${code}`);
    await expect
      .poll(() => page.getByText(/expires in \d+:\d\d/).textContent())
      .toMatch(/expires in (10:00|9:[0-5]\d)/);
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`/kiln link ${code}`);
    await page.getByRole('button', { name: 'Copied', exact: true }).waitFor();

    await directMessage(`link ${code}`, 'Ev-link-1');
    await slack.waitFor(() => slack.messages('D0X').some((message) => message.text.startsWith('Linked')));

    // The user comes back from Slack: the window regains focus and the list is fetched again.
    await page.evaluate(() => window.dispatchEvent(new FocusEvent('focus')));
    const row = links().getByRole('row').filter({ hasText: 'U0ME' });
    await row.waitFor();
    expect(await row.textContent()).toContain('T0KILN');
    await page.getByText('Linked U0ME (workspace T0KILN).').waitFor();
    // The used code is gone; a new one can be had.
    expect(await page.getByLabel('Code', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Get a link code' }).waitFor();

    // Unlinking asks first: cancelling keeps the link.
    await row.getByRole('button', { name: 'Unlink U0ME' }).click();
    const confirm = page.getByRole('dialog', { name: 'Unlink U0ME?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await row.count()).toBe(1);

    await row.getByRole('button', { name: 'Unlink U0ME' }).click();
    await confirm.getByRole('button', { name: 'Unlink', exact: true }).click();
    await page.getByText('No Slack account is linked yet.').waitFor();
    const status = await session.kiln.api('GET', '/slack', { token: await sessionToken(page) });
    expect(status.json).toMatchObject({ enabled: true, mode: 'events', links: [] });

    // After a reload the page still shows no link.
    await page.reload();
    await page.getByText('No Slack account is linked yet.').waitFor();
  });

  it('counts a code down and, once it has expired, says so and offers a new one', async () => {
    const clocked = await session.newPage();
    await signInWithToken(clocked.context(), session.url, await sessionToken(page));
    await clocked.clock.install();
    await clocked.goto(`${session.url}/slack`);
    await clocked.getByRole('button', { name: 'Get a link code' }).click();
    const countdown = clocked.getByText(/expires in \d+:\d\d/);
    await expect.poll(() => countdown.textContent()).toMatch(/expires in (10:00|9:[0-5]\d)/);

    await clocked.clock.fastForward('05:00');
    await expect.poll(() => countdown.textContent()).toMatch(/expires in [45]:[0-5]\d/);

    await clocked.clock.fastForward('05:01');
    await clocked.getByText('That code has expired. Get a new one to link an account.').waitFor();
    expect(await clocked.getByLabel('Code', { exact: true }).count()).toBe(0);
    // Back to the server's time, which the next code's expiry is counted in.
    await clocked.clock.setSystemTime(Date.now());
    await clocked.getByRole('button', { name: 'Get a new link code' }).click();
    await expect.poll(() => countdown.textContent()).toMatch(/expires in (10:00|9:[0-5]\d)/);
  });

  it('opens the pattern of /knowledge?pattern=<id> in its dialog', async () => {
    await page.goto(`${session.url}/knowledge?pattern=ts-debounce`);
    const dialog = page.getByRole('dialog', { name: 'Debounce a function' });
    await dialog.waitFor();

    // Closing it drops the parameter: a reload shows the page alone.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForURL((url) => url.pathname === '/knowledge' && !url.searchParams.has('pattern'));
    await page.reload();
    await page.getByRole('heading', { name: 'Knowledge', level: 1 }).waitFor();
    await page.getByText('Loading…').waitFor({ state: 'detached' });
    expect(await page.getByRole('dialog').count()).toBe(0);
  });
});

describe('without Slack settings', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await startBrowserSession();
    page = await session.newPage();
    await signUp(page, session.url, 'no-slack@example.com');
  });
  afterAll(async () => {
    await session?.stop();
  });

  it('says the Slack adapter is off and how an admin turns it on', async () => {
    await openSlackPage(page);
    const off = page.getByRole('region', { name: 'Slack is off' });
    await off.getByText('The Slack adapter is off on this Kiln.').waitFor();
    const text = await off.textContent();
    for (const setting of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'README']) {
      expect(text).toContain(setting);
    }
    expect(await page.getByRole('button', { name: 'Get a link code' }).count()).toBe(0);
  });
});
