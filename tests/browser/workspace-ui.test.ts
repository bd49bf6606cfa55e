import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerFinished,
  sessionToken,
  signInWithToken,
  startBrowserSession,
  type BrowserSession,
} from './support/browser-session.ts';
import { lazyChunkFiles } from './support/lazy-chunks.ts';
import { initialJavaScriptBudgetBytes, measureFirstLoad } from './support/measure-first-load.ts';

// Everything around the chat: first-load budget, signing in and out, the sidebar, long conversations, safety of
// rendered answers, keyboard shortcuts, themes and phone widths. One account, set up through the API.
let session: BrowserSession;
let page: Page;
let token: string;
const email = 'grace@example.com';
const password = 'a long passphrase';

beforeAll(async () => {
  session = await startBrowserSession();
  const response = await session.kiln.api('POST', '/auth/register', { body: { email, password } });
  token = response.json.token;
});
afterAll(async () => {
  await session?.stop();
});

const api = (method: string, path: string, body?: unknown) => session.kiln.api(method, path, { token, body });
const sidebar = () => page.getByRole('navigation', { name: 'Conversations' });
const answers = () => page.getByRole('article', { name: "Kiln's answer" });
const composer = () => page.getByLabel('Message', { exact: true });

/** A page already signed in as the test user (its session cookie in the browser before the page loads). */
async function signedInPage(options: Parameters<BrowserSession['newPage']>[0] = {}) {
  const signedIn = await session.newPage(options);
  await signInWithToken(signedIn.context(), session.url, token);
  return signedIn;
}

describe('the web client around the chat', () => {
  it(`loads at most ${initialJavaScriptBudgetBytes / 1024} KB of JavaScript (gzipped) up front, and the highlighter only when code appears`, async () => {
    page = await signedInPage();
    const firstLoad = await measureFirstLoad(page, `${session.url}/c`, (loaded) =>
      loaded.getByLabel('Message', { exact: true }).waitFor(),
    );
    console.log(
      `initial JavaScript: ${(firstLoad.gzipBytes / 1024).toFixed(1)} KB gzipped in ${firstLoad.scripts.length} files; ready in ${firstLoad.readyMs} ms`,
    );
    expect(firstLoad.scripts.length).toBeGreaterThan(0);
    expect(firstLoad.gzipBytes).toBeLessThanOrEqual(initialJavaScriptBudgetBytes);
    expect(firstLoad.scripts.some((script) => script.body.includes('registerLanguage'))).toBe(false);

    const later: string[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') later.push(new URL(response.url()).pathname.slice(1));
    });
    await composer().fill('How do I debounce a function in TypeScript?');
    await composer().press('Enter');
    await answers().last().locator('pre code.hljs').first().waitFor();
    // The highlighter arrived with the first code block, and only chunks the build loads on demand did.
    expect(later.length).toBeGreaterThan(0);
    const onDemand = lazyChunkFiles();
    expect(later.filter((file) => !onDemand.has(file))).toEqual([]);
  });

  it('signs out, and signs back in with email and password', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in', { waitUntil: 'commit' });
    // Kiln cleared the session's cookies (and ended the session: the old token no longer works).
    await expect
      .poll(async () => (await page.context().cookies()).filter((cookie) => cookie.name.startsWith('kiln_')))
      .toEqual([]);
    expect((await api('GET', '/auth/me')).status).toBe(401);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/c', { waitUntil: 'commit' });
    await sidebar().getByRole('link', { name: 'How do I debounce a function in TypeScript?' }).waitFor();
    token = await sessionToken(page);
  });

  it('lists conversations newest first and loads older ones as the sidebar scrolls', async () => {
    for (let number = 1; number <= 30; number += 1)
      await api('POST', '/conversations', { title: `Archive ${String(number).padStart(2, '0')}` });
    await page.reload();
    const links = sidebar().getByRole('link');
    await links.first().waitFor();
    expect(await links.first().textContent()).toBe('Archive 30');
    expect(await sidebar().getByRole('link', { name: 'Archive 01' }).count()).toBe(0);
    await sidebar().evaluate((list) => list.scrollTo(0, list.scrollHeight));
    await sidebar().getByRole('link', { name: 'Archive 01' }).waitFor();
    expect(await links.count()).toBe(31);
  });

  it('finds conversations by title', async () => {
    await page.getByRole('searchbox', { name: 'Search conversations' }).fill('archive 07');
    await expect.poll(() => sidebar().getByRole('link').allTextContents()).toEqual(['Archive 07']);
    await page.getByRole('searchbox', { name: 'Search conversations' }).fill('');
    await expect.poll(() => sidebar().getByRole('link').count()).toBeGreaterThan(20);
  });

  it('renames a conversation', async () => {
    await sidebar().getByRole('button', { name: 'Rename “Archive 07”' }).click();
    const input = sidebar().getByRole('textbox', { name: 'Conversation title' });
    await input.fill('Seventh, renamed');
    await input.press('Enter');
    await sidebar().getByRole('link', { name: 'Seventh, renamed' }).waitFor();
    const listed = await api('GET', '/conversations?q=Seventh');
    expect(listed.json.conversations.map((conversation: { title: string }) => conversation.title)).toEqual([
      'Seventh, renamed',
    ]);
  });

  it('deletes a conversation, with a moment to undo it', async () => {
    await sidebar().getByRole('button', { name: 'Delete “Seventh, renamed”' }).click();
    expect(await sidebar().getByRole('link', { name: 'Seventh, renamed' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await sidebar().getByRole('link', { name: 'Seventh, renamed' }).waitFor();

    await sidebar().getByRole('button', { name: 'Delete “Seventh, renamed”' }).click();
    await page.getByRole('button', { name: 'Undo' }).waitFor({ state: 'hidden', timeout: 10_000 });
    await expect
      .poll(async () => (await api('GET', '/conversations?q=Seventh')).json.conversations, { timeout: 10_000 })
      .toEqual([]);
  });

  it('opens a long conversation at its newest messages and loads older ones when scrolled up', async () => {
    const conversation = (await api('POST', '/conversations', { title: 'A long one' })).json;
    for (let number = 1; number <= 12; number += 1) {
      session.provider.nextAnswer = `Answer number ${number}.`;
      const sent = await session.kiln.api('POST', `/conversations/${conversation.id}/messages`, {
        token,
        body: { content: `Question number ${number}`, intent: 'ask' },
        headers: { accept: 'text/event-stream' },
      });
      expect(sent.text).toContain('turn.end');
    }
    await page.goto(`${session.url}/c/${conversation.id}`);
    const log = page.getByRole('region', { name: 'Messages' });
    await log.getByText('Answer number 12.').waitFor();
    expect(await log.getByText('Answer number 12.').isVisible()).toBe(true);
    expect(await log.getByText('Question number 1', { exact: true }).count()).toBe(0);
    await page.locator('.scroller').evaluate((scroller) => scroller.scrollTo(0, 0));
    await log.getByText('Question number 1', { exact: true }).waitFor();
    expect(await log.getByRole('article').count()).toBe(24);
  });

  it('never lets HTML or scripts from the model into the page', async () => {
    await page.goto(`${session.url}/c`);
    session.provider.nextAnswer =
      'Careful: <img src=x onerror="window.pwned=1"> <script>window.pwned=2</script> ' +
      '[a link](javascript:window.pwned=3) and **bold** text.';
    // `/ask`: the agent that answers with the model (here the scripted answer), whatever the router would pick.
    await composer().fill('/ask Show me something risky');
    await composer().press('Enter');
    const answer = answers().last();
    await answerFinished(answer);
    expect(await answer.textContent()).toContain('<img src=x onerror="window.pwned=1">');
    expect(await answer.locator('img, script').count()).toBe(0);
    expect(await answer.locator('.markdown strong').textContent()).toBe('bold');
    expect(await answer.textContent()).toContain('a link');
    expect(await answer.locator('[href^="javascript"], [onerror], [onclick]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  });

  it('shows a tool call as it happens, with its result, and again after a reload', async () => {
    await page.goto(`${session.url}/c`);
    await composer().fill(`/tool list the files in ${session.files}`);
    await composer().press('Enter');
    const answer = answers().last();
    await answerFinished(answer);
    const tools = answer.getByRole('region', { name: 'Tool calls' });
    await tools.getByText('filesystem › list_directory').click();
    expect(await tools.textContent()).toContain('done');
    expect(await tools.textContent()).toContain('[FILE] invoice.csv');
    expect(await answer.getByRole('button', { name: /Intent: tool/ }).isVisible()).toBe(true);
    await page.reload();
    const reloaded = answers().last().getByRole('region', { name: 'Tool calls' });
    await reloaded.getByText('filesystem › list_directory').click();
    expect(await reloaded.textContent()).toContain('[FILE] invoice.csv');
  });

  it("shows the review findings, model and cost recorded on an answer's turn", async () => {
    // No agent reviews code yet, so the turn is given what the review agent will record.
    const conversation = (await api('POST', '/conversations', { title: 'Reviewed' })).json;
    session.provider.nextAnswer = 'The code has one problem.';
    const sent = await session.kiln.api('POST', `/conversations/${conversation.id}/messages`, {
      token,
      body: { content: 'Review this code', intent: 'ask' },
      headers: { accept: 'text/event-stream' },
    });
    expect(sent.text).toContain('turn.end');
    const details = {
      citations: [],
      retrievalNotice: null,
      toolCalls: [],
      review: {
        language: 'typescript',
        summary: 'One problem found.',
        findings: [
          {
            severity: 'error',
            line: 3,
            category: 'correctness',
            message: 'total is never updated',
            suggestion: 'add each item to total',
            rule: 'typescript',
          },
        ],
      },
    };
    await session.kiln.server.infrastructure.dataSource.query(
      `UPDATE turns SET details = $2, engine = $3, usage = $4 WHERE conversation_id = $1`,
      [
        conversation.id,
        details,
        { provider: 'anthropic', model: 'claude-sonnet-4-5' },
        { inputTokens: 1200, outputTokens: 300, costUsd: 0.0081 },
      ],
    );
    await page.goto(`${session.url}/c/${conversation.id}`);
    const answer = answers().last();
    const review = answer.getByRole('region', { name: 'Review findings' });
    await review.waitFor();
    expect(await review.textContent()).toContain('line 3 · error · correctness');
    expect(await review.textContent()).toContain('total is never updated');
    expect(await answer.getByText('anthropic · claude-sonnet-4-5').isVisible()).toBe(true);
    await answer.getByRole('button', { name: 'Usage and cost' }).hover();
    expect(await answer.getByRole('tooltip').textContent()).toContain(
      '1,200 input tokens · 300 output tokens · $0.0081',
    );
  });

  it('has keyboard shortcuts: new chat, focus the message box, stop, and their help', async () => {
    const archived = page.getByRole('link', { name: 'Archive 30' });
    const href = (await archived.getAttribute('href'))!;
    await archived.click();
    await page.waitForURL(`**${href}`, { waitUntil: 'commit' });
    await page.keyboard.press('Control+Shift+O');
    await page.waitForURL(/\/c$/, { waitUntil: 'commit' });
    await expect
      .poll(() => page.evaluate(() => `${document.activeElement?.tagName}#${document.activeElement?.id}`))
      .toBe('TEXTAREA#composer');

    await page.getByRole('searchbox', { name: 'Search conversations' }).focus();
    await page.keyboard.press('Shift+Escape');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('composer');

    session.provider.delayMs = 40;
    await composer().fill('How do I parse a CSV file in Python?');
    await composer().press('Enter');
    await answers().last().locator('[aria-busy="true"] .markdown').waitFor();
    await page.keyboard.press('Escape');
    await answers().last().getByText('Stopped: the answer was cut short.').waitFor();
    session.provider.delayMs = 0;

    await page.keyboard.press('Control+/');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    expect(await help.textContent()).toContain('New chat');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
  });

  it('follows the system theme, switches to dark mode, and keeps the choice after a reload', async () => {
    const background = (target: Page) => target.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background(page);
    await page.getByRole('button', { name: 'Dark theme' }).click();
    expect(await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).toBe('true');
    const dark = await background(page);
    expect(dark).not.toBe(light);
    expect(luminance(dark)).toBeLessThan(luminance(light));
    await page.reload();
    await composer().waitFor();
    expect(await background(page)).toBe(dark);
    await session.screenshot(page, '05-dark-mode');

    const systemDark = await signedInPage({ colorScheme: 'dark' });
    await systemDark.goto(`${session.url}/c`);
    await systemDark.getByLabel('Message', { exact: true }).waitFor();
    expect(await background(systemDark)).toBe(dark);
    await page.getByRole('button', { name: 'Dark theme' }).click();
    expect(await background(page)).toBe(light);
  });

  it('works at phone width: the sidebar folds away behind a menu button', async () => {
    const phone = await signedInPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.goto(`${session.url}/c`);
    await phone.getByLabel('Message', { exact: true }).waitFor();
    expect(await phone.getByRole('navigation', { name: 'Conversations' }).isVisible()).toBe(false);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.getByRole('button', { name: 'Show conversations' }).click();
    const link = phone.getByRole('navigation', { name: 'Conversations' }).getByRole('link', { name: 'A long one' });
    await link.click();
    await phone.getByText('Answer number 12.').waitFor();
    await expect.poll(() => phone.getByRole('navigation', { name: 'Conversations' }).isVisible()).toBe(false);
    await session.screenshot(phone, '06-phone');
    expect(session.pageErrors).toEqual([]);
  });
});

function luminance(color: string) {
  const [red = 0, green = 0, blue = 0] = (color.match(/\d+/g) ?? []).map(Number);
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}
