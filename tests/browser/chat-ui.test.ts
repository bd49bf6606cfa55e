import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerFinished,
  answerText,
  sessionToken,
  startBrowserSession,
  type BrowserSession,
} from './support/browser-session.ts';

// One user's story through the real UI, in order: each step starts where the previous one left the page.
let session: BrowserSession;
let page: Page;

const consoleLines: string[] = [];
beforeAll(async () => {
  session = await startBrowserSession();
  page = await session.newPage();
  page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  page.on('requestfailed', (request) => consoleLines.push(`failed ${request.method()} ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400)
      consoleLines.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
});
afterAll(async () => {
  await session?.stop();
});

const question = 'How do I debounce a function in TypeScript?';
const answers = () => page.getByRole('article', { name: "Kiln's answer" });
const questions = () => page.getByRole('article', { name: 'Your message' });
const composer = () => page.getByLabel('Message', { exact: true });
const token = () => sessionToken(page);
const conversationId = () => new URL(page.url()).pathname.split('/').at(-1)!;

async function send(text: string) {
  await composer().fill(text);
  await composer().press('Enter');
}

async function savedAnswer(messageId?: string) {
  const messages = (
    await session.kiln.api('GET', `/conversations/${conversationId()}/messages`, { token: await token() })
  ).json.messages;
  return messageId ? messages.find((message: { id: string }) => message.id === messageId) : messages.at(-1);
}

/** The answer's text as a reader sees it (without the code blocks' Copy buttons). */
async function textOf(answer: Locator) {
  return answerText(answer).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const button of copy.querySelectorAll('button')) button.remove();
    return copy.textContent ?? '';
  });
}

describe('the chat UI in a browser', () => {
  it('signs up the first user (who becomes admin) and opens a new chat', async () => {
    await page.goto(session.url);
    await page.waitForURL('**/sign-in', { waitUntil: 'commit' });
    await page.getByRole('link', { name: 'Create an account' }).click();
    // The sign-in form stays on screen until the sign-up page has rendered: filling before then would type into
    // the old form's fields (seen under load as an empty Email on sign-up).
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.waitForURL('**/c', { waitUntil: 'commit' }).catch(async (error: Error) => {
      // What the page shows when sign-up does not lead on: the form's error, the URL, any script error.
      await session.screenshot(page, 'sign-up-stuck');
      const alert = await page.getByRole('alert').allTextContents();
      throw new Error(
        `${error.message}\nurl: ${page.url()}\nalert: ${alert.join(' | ')}\npage errors: ${session.pageErrors.join(' | ')}\n` +
          `console: ${consoleLines.join(' | ')}`,
      );
    });
    await page.getByText('ada@example.com · admin').waitFor();
    expect(await page.getByRole('heading', { name: 'What are you building?' }).isVisible()).toBe(true);
  });

  it('sends with Enter (Shift+Enter adds a line) and streams in a cited answer from the pattern store', async () => {
    session.provider.delayMs = 6;
    await composer().fill('first line');
    await composer().press('Shift+Enter');
    await composer().pressSequentially('second line');
    expect(await composer().inputValue()).toBe('first line\nsecond line');
    await send(question);

    const answer = answers().last();
    // While it streams: part of the text, a busy live region, and Stop instead of Send.
    await answer.locator('[aria-busy="true"] .markdown').waitFor();
    await page.getByRole('button', { name: 'Stop' }).waitFor();
    const partial = await textOf(answer);
    await answerFinished(answer);
    const whole = await textOf(answer);
    expect(partial.length).toBeGreaterThan(0);
    expect(whole.length).toBeGreaterThan(partial.length);
    expect(whole).toContain('Kiln offline engine');
    expect(await questions().last().textContent()).toContain(question);

    const sources = answer.getByRole('region', { name: 'Sources' });
    expect(
      await sources
        .getByRole('button', { name: /Open pattern Debounce a function/ })
        .first()
        .textContent(),
    ).toMatch(/typescript · relevance [01]\.\d\d · score \d/);
    expect(await answer.getByRole('button', { name: /Intent: ask/ }).isVisible()).toBe(true);
    // The sidebar names the conversation after its first message.
    await page.getByRole('navigation', { name: 'Conversations' }).getByRole('link', { name: question }).waitFor();
    await session.screenshot(page, '01-streamed-answer');
  });

  it('renders the code highlighted, with a Copy button that copies it', async () => {
    const answer = answers().last();
    const code = answer.locator('pre code.hljs').first();
    await code.waitFor();
    expect(await code.locator('span').count()).toBeGreaterThan(3);
    await answer.getByRole('button', { name: 'Copy code' }).first().click();
    await answer.getByRole('button', { name: 'Copy code' }).first().filter({ hasText: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await code.textContent());
  });

  it('shows its reasoning: engine with a configuration hint, usage on hover, and the cited pattern on click', async () => {
    const answer = answers().last();
    await answer.getByRole('button', { name: /Offline engine/ }).click();
    expect(await answer.getByRole('note').textContent()).toContain('ANTHROPIC_API_KEY');

    const usage = answer.getByRole('button', { name: 'Usage and cost' });
    const tooltip = answer.getByRole('tooltip');
    expect(await tooltip.isVisible()).toBe(false);
    await usage.hover();
    await tooltip.waitFor({ state: 'visible' });
    expect(await tooltip.textContent()).toMatch(/\d+ input tokens · \d+ output tokens · no cost/);

    await answer
      .getByRole('button', { name: /Open pattern Debounce a function/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: 'Debounce a function' });
    await dialog.waitFor();
    expect(await dialog.locator('pre code').first().textContent()).toContain('function debounce');
    expect(await dialog.textContent()).toContain('knowledge/corpus/typescript/debounce');
    await session.screenshot(page, '02-cited-pattern');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('stores thumbs up on the server', async () => {
    const answer = answers().last();
    await answer.getByRole('button', { name: 'Good answer' }).click();
    await expect.poll(async () => (await savedAnswer())?.feedback).toBe('up');
    expect(await answer.getByRole('button', { name: 'Good answer' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('keeps the history after a reload, with its intent, citations, engine, usage and rating', async () => {
    const before = await textOf(answers().last());
    await page.reload();
    const answer = answers().last();
    await answer.waitFor();
    expect(await textOf(answer)).toBe(before);
    expect(await questions().last().textContent()).toContain(question);
    expect(await answer.getByRole('button', { name: /Intent: ask/ }).isVisible()).toBe(true);
    expect(await answer.getByRole('button', { name: /Offline engine/ }).isVisible()).toBe(true);
    expect(
      await answer
        .getByRole('region', { name: 'Sources' })
        .getByRole('button', { name: /Debounce a function/ })
        .count(),
    ).toBeGreaterThan(0);
    expect(await answer.getByRole('button', { name: 'Good answer' }).getAttribute('aria-pressed')).toBe('true');
    await answer.getByRole('button', { name: 'Usage and cost' }).hover();
    expect(await answer.getByRole('tooltip').textContent()).toMatch(/output tokens/);
  });

  it('stops mid-stream and keeps the partial answer', async () => {
    session.provider.delayMs = 40;
    await send('How do I retry a fetch with exponential backoff in TypeScript?');
    const answer = answers().last();
    await answer.locator('[aria-busy="true"] .markdown').waitFor();
    await page.getByRole('button', { name: 'Stop' }).click();
    await answerFinished(answer);
    await answer.getByText('Stopped: the answer was cut short.').waitFor();
    const partial = await textOf(answer);
    // The offline engine ends every answer with how to configure a model: a stopped one never gets there.
    expect(partial).not.toContain('To get generated answers');
    await expect.poll(async () => (await savedAnswer())?.status).toBe('stopped');
    expect((await savedAnswer()).content.trim()).toBe(partial.trim().replace(/\s+$/, ''));
    expect(await page.getByRole('button', { name: 'Send' }).isVisible()).toBe(true);
  });

  it('regenerates an answer as a new version, with ‹ 1/2 › to go between them', async () => {
    session.provider.delayMs = 0;
    await answers().last().getByRole('button', { name: 'Regenerate' }).click();
    const answer = answers().last();
    await answer.getByText('2/2').waitFor();
    await answerFinished(answer);
    expect(await textOf(answer)).toContain('To get generated answers');
    await answer.getByRole('button', { name: 'Previous version' }).click();
    await answers().last().getByText('1/2').waitFor();
    await answers().last().getByText('Stopped: the answer was cut short.').waitFor();
    await answers().last().getByRole('button', { name: 'Next version' }).click();
    await answers().last().getByText('2/2').waitFor();
  });

  it('answers again with another agent from the intent menu', async () => {
    const answer = answers().last();
    await answer.getByRole('button', { name: /Intent: ask/ }).click();
    const menu = page.getByRole('menu', { name: 'Answer again as' });
    await menu.getByRole('menuitem', { name: /Review/ }).click();
    const rerun = answers().last();
    await rerun.getByText('3/3').waitFor();
    await answerFinished(rerun);
    expect(await rerun.getByRole('button', { name: /Intent: review/ }).getAttribute('title')).toContain('by user');
  });

  it('edits a sent message into a new branch, keeping the original one version back', async () => {
    const original = questions().last();
    const originalText = (await original.textContent())!;
    await original.getByRole('button', { name: 'Edit message' }).click();
    const editor = page.getByRole('textbox', { name: 'Edit message' });
    await editor.fill('How do I throttle a function in TypeScript?');
    await page.getByRole('button', { name: 'Save and send' }).click();
    const edited = questions().last();
    await edited.getByText('2/2').waitFor();
    expect(await edited.textContent()).toContain('throttle a function');
    await answerFinished(answers().last());
    expect(await textOf(answers().last())).toContain('Throttle');
    await edited.scrollIntoViewIfNeeded();
    await session.screenshot(page, '03-edited-branch');

    await edited.getByRole('button', { name: 'Previous version' }).click();
    await questions().last().getByText('1/2').waitFor();
    expect(await questions().last().textContent()).toContain(originalText.split('Edit')[0]!.slice(0, 30));
    await questions().last().getByRole('button', { name: 'Next version' }).click();
    await questions().last().getByText('2/2').waitFor();
  });

  it('rides out a network drop mid-answer: offline status, then the rest of the answer with nothing lost or repeated', async () => {
    session.provider.delayMs = 25;
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    await send('How do I split an array into chunks in TypeScript?');
    const answer = answers().last();
    await answer.locator('[aria-busy="true"] .markdown').waitFor();
    session.network.drop();
    const status = page.getByRole('status').filter({ hasText: 'Offline' });
    await status.waitFor();
    await session.screenshot(page, '04-offline');
    await page.waitForTimeout(600);
    session.network.restore();
    await status.waitFor({ state: 'hidden' });
    await answerFinished(answer);
    const shown = await textOf(answer);
    expect(shown.match(/Kiln offline engine/g)).toHaveLength(1);
    expect(shown.match(/To get generated answers/g)).toHaveLength(1);
    // Resumed in place, not by reloading the page.
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect((await savedAnswer()).status).toBe('complete');
    // What streamed in live, across the drop, is exactly what was saved.
    await page.reload();
    await answers().last().waitFor();
    expect(await textOf(answers().last())).toBe(shown);
  });
});
