import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerFinished,
  sessionToken,
  signUp,
  startBrowserSession,
  type BrowserSession,
} from './support/browser-session.ts';

// The Knowledge page through the real UI: a real Kiln with the seed store, code sessions run in the real sandbox
// (the job queue in process), an approval that saves a learned pattern, and an admin retiring and restoring it.
// One user's story in order: each step starts where the previous one left the store.
let session: BrowserSession;
let page: Page;

const password = 'correct horse battery';
const learnedTitle = 'Test this add function';
const pastedCode = [
  `${learnedTitle}\n`,
  '```python',
  'def add(a, b):',
  '    return a + b',
  '',
  'assert add(2, 3) == 5',
  'print("add works")',
  '```',
].join('\n');

beforeAll(async () => {
  session = await startBrowserSession({ environment: { KILN_WORKERS: 'in-process' } });
  page = await session.newPage();
  await signUp(page, session.url, 'curator@example.com', password);
  // The first account of a Kiln is its admin.
  await page.getByText('curator@example.com · admin').waitFor();
});
afterAll(async () => {
  await session?.stop();
});

const composer = () => page.getByLabel('Message', { exact: true });
const answers = () => page.getByRole('article', { name: "Kiln's answer" });
const list = (name: string) => page.getByRole('region', { name, exact: true });
const token = () => sessionToken(page);
const total = (name: string) => page.locator(`dt:text-is("${name}") + dd`).textContent();
const openPattern = (within: Locator, title: string | RegExp) =>
  within.getByRole('button', { name: typeof title === 'string' ? `Open pattern ${title}` : title });

async function openKnowledge() {
  await page.getByRole('link', { name: 'Knowledge' }).click();
  await page.waitForURL('**/knowledge', { waitUntil: 'commit' });
  await page.getByRole('heading', { name: 'Knowledge', level: 1 }).waitFor();
  await page.getByText('Loading…').waitFor({ state: 'detached' });
}

/** Runs one message in a new chat and returns its finished answer. */
async function askInNewChat(text: string) {
  await page.getByRole('link', { name: 'New chat' }).click();
  await page.waitForURL('**/c', { waitUntil: 'commit' });
  await composer().fill(text);
  await composer().press('Enter');
  await page.waitForURL(/\/c\/[^/]+$/, { waitUntil: 'commit' });
  const answer = answers().last();
  await answerFinished(answer);
  return answer;
}

/** Reloads the Knowledge page until `ready` holds: run outcomes are credited as the runs finish. */
async function untilKnowledgeShows(ready: () => Promise<boolean>) {
  await expect
    .poll(
      async () => {
        if (await ready()) return true;
        await page.reload();
        await page.getByRole('heading', { name: 'Knowledge', level: 1 }).waitFor();
        await page.getByText('Loading…').waitFor({ state: 'detached' });
        return ready();
      },
      { timeout: 30_000, interval: 1_000 },
    )
    .toBe(true)
    .catch(async (error: Error) => {
      // What the page shows and what the API answers, to tell a UI fault from a server one.
      await session.screenshot(page, 'knowledge-page-stuck');
      const alerts = await page.getByRole('alert').allTextContents();
      const overview = await session.kiln.api('GET', '/knowledge', { token: await token() });
      throw new Error(
        `${error.message}
alerts: ${alerts.join(' | ')}
GET /knowledge: ${overview.status} ` +
          `${overview.text.slice(0, 2_000)}
page errors: ${session.pageErrors.join(' | ')}`,
      );
    });
}

describe('the Knowledge page', () => {
  it('opens from the sidebar with the seed store in its totals and empty lists that say how they fill', async () => {
    await openKnowledge();
    expect(Number(await total('Patterns'))).toBeGreaterThan(0);
    expect(await total('Learned')).toBe('0');
    expect(await total('Runs')).toBe('0');
    expect(await list('Learned patterns').textContent()).toContain(
      'No learned patterns yet: approve a passing code session to add one',
    );
    expect(await list('Most used').textContent()).toContain('No pattern has been used in a run yet');
    expect(await list('Retired').textContent()).toContain('Nothing retired.');
    expect(await list('Runs per day').textContent()).toContain('No runs of pattern-built code in the last 30 days');
  });

  it("credits a code session's run to the seed pattern it was built on: Most used and the daily chart", async () => {
    const answer = await askInNewChat('/code debounce a function in TypeScript');
    const codeSession = answer.getByRole('region', { name: 'Code session' });
    await expect.poll(() => codeSession.textContent(), { timeout: 30_000 }).toMatch(/Passed on attempt 1/);
    expect(await codeSession.textContent()).toMatch(/tests: [1-9]\d* passed, 0 failed/);
    // The offline engine offers a stored pattern as it is: nothing new to approve.
    expect(await codeSession.getByRole('button', { name: 'Approve' }).count()).toBe(0);

    await openKnowledge();
    await untilKnowledgeShows(async () => (await openPattern(list('Most used'), /Debounce/).count()) > 0);
    expect(Number(await total('Runs'))).toBeGreaterThanOrEqual(1);
    expect(await list('Runs per day').textContent()).toMatch(/[1-9]\d* runs? in the last 30 days: [1-9]\d* passed/);
    expect(await list('Runs per day').getByRole('img').count()).toBe(1);
  });

  it('shows a failing session with its output and verdict, and offers nothing to approve', async () => {
    const answer = await askInNewChat('Test this check\n\n```python\nprint("checking")\nassert 1 + 1 == 3\n```');
    const codeSession = answer.getByRole('region', { name: 'Code session' });
    await expect.poll(() => codeSession.textContent(), { timeout: 30_000 }).toMatch(/Failed: /);
    const text = await codeSession.textContent();
    expect(text).toMatch(/Failed\s*exit 1/);
    expect(text).toContain('checking');
    expect(text).toContain('AssertionError');
    expect(await codeSession.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    await session.screenshot(page, 'code-session-failed');
  });

  it('approves a passing session of pasted code: the answer names the learned pattern and opens it', async () => {
    const answer = await askInNewChat(pastedCode);
    const codeSession = answer.getByRole('region', { name: 'Code session' });
    await expect.poll(() => codeSession.textContent(), { timeout: 30_000 }).toMatch(/Passed on attempt 1/);
    expect(await codeSession.textContent()).toContain('add works');
    await codeSession.getByRole('button', { name: 'Approve' }).click();
    await expect
      .poll(() => codeSession.getByRole('status').last().textContent(), { timeout: 15_000 })
      .toMatch(new RegExp(`Approved by you\\s*· saved as pattern\\s*${learnedTitle}`));
    await session.screenshot(page, 'code-session-approved');

    await codeSession.getByRole('button', { name: learnedTitle }).click();
    const dialog = page.getByRole('dialog', { name: learnedTitle });
    await dialog.getByRole('heading', { name: 'History' }).waitFor();
    await session.screenshot(page, 'learned-pattern-dialog');
    expect(await dialog.getByRole('link', { name: 'a code session' }).getAttribute('href')).toBe(
      new URL(page.url()).pathname,
    );
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('lists the learned pattern; the admin retires it (it moves to Retired) and restores it', async () => {
    await openKnowledge();
    await untilKnowledgeShows(async () => (await openPattern(list('Learned patterns'), learnedTitle).count()) > 0);
    expect(await total('Learned')).toBe('1');
    expect(await list('Retired').textContent()).toContain('Nothing retired.');

    await list('Learned patterns')
      .getByRole('button', { name: `Retire ${learnedTitle}` })
      .click();
    await openPattern(list('Retired'), learnedTitle).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Retired' }).textContent()).toContain(learnedTitle);
    expect(await total('Retired')).toBe('1');
    await session.screenshot(page, 'knowledge-retired');

    // The pattern's page says so.
    await openPattern(list('Retired'), learnedTitle).click();
    const dialog = page.getByRole('dialog', { name: learnedTitle });
    await dialog.getByText('Retired: an admin took it out of answers.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    await list('Retired')
      .getByRole('button', { name: `Restore ${learnedTitle}` })
      .click();
    await list('Retired').getByText('Nothing retired.').waitFor();
    expect(await total('Retired')).toBe('0');
    expect(await openPattern(list('Learned patterns'), learnedTitle).count()).toBe(1);
    expect(session.pageErrors).toEqual([]);
  });

  it('shows members the same lists without Retire or Restore', async () => {
    const member = await session.kiln.register('member@example.com');
    expect(member.user.role).toBe('member');
    const memberPage = await session.newPage();
    await memberPage.goto(`${session.url}/sign-in`);
    await memberPage.getByRole('heading', { name: 'Sign in' }).waitFor();
    await memberPage.getByLabel('Email').fill('member@example.com');
    await memberPage.getByLabel('Password').fill(password);
    await memberPage.getByRole('button', { name: 'Sign in' }).click();
    await memberPage.waitForURL('**/c', { waitUntil: 'commit' });
    await memberPage.getByRole('link', { name: 'Knowledge' }).click();
    const learned = memberPage.getByRole('region', { name: 'Learned patterns', exact: true });
    await openPattern(learned, learnedTitle).waitFor();
    expect(await memberPage.getByRole('button', { name: /^(Retire|Restore) / }).count()).toBe(0);
    expect(await memberPage.getByRole('region', { name: 'Retired', exact: true }).textContent()).toContain(
      'admins can take a pattern out of answers',
    );
  });
});
