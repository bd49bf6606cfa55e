import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerFinished, signUp, startBrowserSession, type BrowserSession } from './support/browser-session.ts';

// The Run button, through the real UI, the real job queue and the real bubblewrap sandbox.
let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  session = await startBrowserSession({ environment: { KILN_WORKERS: 'in-process', KILN_RUN_TIMEOUT_MS: '1500' } });
  page = await session.newPage();
  await signUp(page, session.url, 'runner@example.com');
});
afterAll(async () => {
  await session?.stop();
});

const composer = () => page.getByLabel('Message', { exact: true });
const answers = () => page.getByRole('article', { name: "Kiln's answer" });
const questions = () => page.getByRole('article', { name: 'Your message' });

async function send(text: string) {
  await composer().fill(text);
  await composer().press('Enter');
}

describe('running code from the chat', () => {
  it("runs an answer's code with its tests and shows them pass", async () => {
    session.provider.delayMs = 0;
    await send('/code debounce a function in TypeScript');
    const answer = answers().last();
    await answerFinished(answer);
    await answer.getByRole('button', { name: 'Run the code with these tests in the sandbox' }).click();
    const output = answer.getByRole('region', { name: 'Run output' });
    await expect.poll(() => output.textContent(), { timeout: 30_000 }).toMatch(/Passed/);
    expect(await output.textContent()).toMatch(/tests: [1-9]\d* passed, 0 failed/);
    await output.scrollIntoViewIfNeeded();
    await session.screenshot(page, 'run-tests-passed');
  });

  it("runs the user's pasted code, streaming its output under the message", async () => {
    await send(
      'Does this work?\n\n```python\nimport sys\nprint("hi from the sandbox", file=sys.stdout)\nsys.exit(3)\n```',
    );
    const question = questions().last();
    await question.getByRole('button', { name: 'Run' }).click();
    const output = question.getByRole('region', { name: 'Run output' });
    await expect.poll(() => output.textContent(), { timeout: 30_000 }).toMatch(/Failed/);
    const text = await output.textContent();
    expect(text).toContain('hi from the sandbox');
    expect(text).toContain('exit 3');
  });

  it('says plainly when a run timed out', async () => {
    await send('```js\nwhile (true) {}\n```');
    const question = questions().last();
    await question.getByRole('button', { name: 'Run' }).click();
    const output = question.getByRole('region', { name: 'Run output' });
    await expect.poll(() => output.textContent(), { timeout: 30_000 }).toMatch(/timed out/);
    expect(await output.textContent()).toMatch(/Failed/);
    expect(session.pageErrors).toEqual([]);
    await session.screenshot(page, 'run-timed-out');
  });
});
