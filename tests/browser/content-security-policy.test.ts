import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerFinished, signUp, startBrowserSession, type BrowserSession } from './support/browser-session.ts';

// The web client under its Content-Security-Policy, with its session in HttpOnly cookies: everything it does is
// allowed, and a script that slips into the page anyway does not run.
let session: BrowserSession;
let page: Page;
const consoleErrors: string[] = [];
const webSockets: string[] = [];

/** Every CSP violation the page reports, kept across navigations (in sessionStorage, read back by `violations`). */
function recordViolations() {
  document.addEventListener('securitypolicyviolation', (event) => {
    const seen = JSON.parse(sessionStorage.getItem('csp-violations') ?? '[]') as string[];
    const element = event.target instanceof Element ? event.target.outerHTML.slice(0, 160) : '';
    seen.push(
      `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sample}) at ${event.sourceFile}:${event.lineNumber} ${element} ${location.pathname}`,
    );
    sessionStorage.setItem('csp-violations', JSON.stringify(seen));
  });
}
const violations = () => page.evaluate(() => JSON.parse(sessionStorage.getItem('csp-violations') ?? '[]') as string[]);

beforeAll(async () => {
  session = await startBrowserSession();
  page = await session.newPage();
  await page.addInitScript(recordViolations);
  // A token an older client left in localStorage.
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) localStorage.setItem('kiln.token', 'kiln_left-by-an-older-version');
    sessionStorage.setItem('seeded', 'yes');
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('websocket', (socket) => webSockets.push(socket.url()));
});
afterAll(async () => {
  await session?.stop();
});

const composer = () => page.getByLabel('Message', { exact: true });
const answers = () => page.getByRole('article', { name: "Kiln's answer" });

describe('the web client under its Content-Security-Policy', () => {
  it('signs up and chats over a WebSocket with no violation, the session out of reach of page scripts', async () => {
    await signUp(page, session.url, 'csp@example.com');
    await composer().fill('How do I debounce a function in TypeScript?');
    await composer().press('Enter');
    const answer = answers().last();
    await answerFinished(answer);
    // Highlighted code, the answer's details and the knowledge page's chart: all within the policy.
    await answer.locator('pre code.hljs').first().waitFor();
    await page.getByRole('link', { name: 'Knowledge' }).click();
    await page.waitForURL('**/knowledge', { waitUntil: 'commit' });
    await page.getByRole('heading', { name: 'Knowledge' }).first().waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Knowledge' }).first().waitFor();

    expect(await violations()).toEqual([]);
    expect(consoleErrors.filter((line) => /Content Security Policy/i.test(line))).toEqual([]);
    // The chat's Socket.IO connection went over a same-origin WebSocket, which connect-src 'self' allows.
    expect(
      webSockets.some((url) => url.startsWith(session.url.replace('http', 'ws')) && url.includes('/socket.io/')),
    ).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem('kiln.token'))).toBeNull();
    const cookies = await page.evaluate(() => document.cookie);
    expect(cookies).toContain('kiln_csrf=');
    expect(cookies).not.toContain('kiln_session');
  });

  it('runs no script from stored content, even one that got past the sanitiser into the page', async () => {
    const payload = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
    await page.goto(`${session.url}/c`);
    session.provider.nextAnswer = `Stored: ${payload}`;
    await composer().fill(`/ask ${payload}`);
    await composer().press('Enter');
    await answerFinished(answers().last());
    await page.reload();
    await answers().last().getByText('Stored:').waitFor();

    // What the sanitiser is there to stop, put straight into the page: the policy stops it as well.
    await page.evaluate((html) => {
      document.body.insertAdjacentHTML('beforeend', html);
      const script = document.createElement('script');
      script.textContent = 'window.pwned = 3';
      document.body.append(script);
    }, payload);
    await expect
      .poll(violations)
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^script-src-attr blocked inline/),
          expect.stringMatching(/^script-src-elem blocked inline/),
        ]),
      );
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    expect(session.pageErrors).toEqual([]);
  });

  it('makes an API key on the API keys page, shown once, that works until it is revoked there', async () => {
    // The test before provoked violations on purpose; this one starts with none.
    await page.evaluate(() => sessionStorage.removeItem('csp-violations'));
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('heading', { name: 'API keys', level: 1 }).waitFor();
    await page.getByText('No API keys yet.').waitFor();
    await page.getByRole('textbox', { name: 'Name' }).fill('CI bot');
    // chat and patterns:read are ticked by default; runs is added.
    await page.getByRole('checkbox', { name: /^runs/ }).check();
    // The first account is the admin, so the admin scope is offered (members do not see it).
    expect(await page.getByRole('checkbox', { name: /^admin/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Create key' }).click();
    const field = page.getByRole('textbox', { name: 'New API key' });
    await field.waitFor();
    const secret = await field.inputValue();
    expect(secret).toMatch(/^kiln_key_/);
    const row = page.getByRole('table', { name: 'Your API keys' }).getByRole('row').filter({ hasText: 'CI bot' });
    await row.getByText('chat, patterns:read, runs').waitFor();
    await row.getByText('active').waitFor();

    const asKey = () =>
      fetch(`${session.url}/api/v1/conversations`, { headers: { authorization: `Bearer ${secret}` } });
    expect((await asKey()).status).toBe(200);
    await row.getByRole('button', { name: 'Revoke CI bot' }).click();
    await row.getByText(/^revoked/).waitFor();
    expect((await asKey()).status).toBe(401);
    // After a reload the key itself is gone from the page: it was shown once.
    await page.reload();
    await page.getByRole('table', { name: 'Your API keys' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'New API key' }).count()).toBe(0);
    expect(await violations()).toEqual([]);
  });
});
