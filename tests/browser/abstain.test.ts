import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerFinished,
  answerText,
  signUp,
  startBrowserSession,
  type BrowserSession,
} from './support/browser-session.ts';

// Issue 19 through the real UI: a question the store has nothing on gets no Sources and an honest answer, while one
// it covers keeps its citation with the relevance shown.
let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  session = await startBrowserSession();
  page = await session.newPage();
  await signUp(page, session.url, 'honest@example.com');
});
afterAll(async () => {
  await session?.stop();
});

const answers = () => page.getByRole('article', { name: "Kiln's answer" });

async function ask(text: string) {
  await page.getByRole('link', { name: 'New chat' }).click();
  await page.waitForURL('**/c', { waitUntil: 'commit' });
  await page.getByLabel('Message', { exact: true }).fill(text);
  await page.keyboard.press('Enter');
  const answer = answers().last();
  await answerFinished(answer);
  return answer;
}

describe('a question the pattern store has nothing on', () => {
  it('shows no Sources section, the notice, and the honest offline answer', async () => {
    const answer = await ask('What is the borrow checker in Rust?');
    const text = (await answerText(answer).textContent()) ?? '';
    expect(text).toContain("Kiln's pattern store has nothing on this");
    expect(text).toMatch(/It holds \d+ patterns in typescript/);
    expect(text).toContain('configure a model');
    expect(await answer.getByRole('region', { name: 'Sources' }).count()).toBe(0);
    expect(await answer.getByRole('note').textContent()).toContain(
      'Nothing in the pattern store is relevant enough to cite',
    );
    expect(await answer.locator('pre code').count()).toBe(0);
  });

  it('still cites the pattern that answers a question it covers, with its relevance', async () => {
    const answer = await ask('How do I debounce a function in TypeScript?');
    const sources = answer.getByRole('region', { name: 'Sources' });
    await sources.waitFor();
    const first = sources.getByRole('button', { name: /Open pattern Debounce a function/ });
    expect(await first.textContent()).toMatch(/relevance (0\.\d\d|1\.00)/);
  });
});
