import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LlmRequest } from '../../server/llm/llm-provider.ts';
import { ScriptedProvider, type ScriptedReply } from '../support/scripted-provider.ts';
import { answerFinished, signUp, startBrowserSession, type BrowserSession } from './support/browser-session.ts';

// A code session with a model, through the real UI, the real job queue and the real bubblewrap sandbox: the
// model (scripted) writes code that fails, repairs it, Kiln shows each attempt's output live, and the user
// approves what passed. Then a tool that writes waits for the user's Allow or Deny.

const code = (operator: '+' | '-') => [
  operator === '+' ? 'The subtraction was wrong: add.\n\n' : 'I add the two numbers.\n\n',
  `\`\`\`typescript\nexport function add(a: number, b: number): number {\n  return a ${operator} b;\n}\n\`\`\`\n\n`,
  "```typescript\nimport { expect, test } from 'vitest';\nimport { add } from './solution';\n\n",
  "test('adds two numbers', () => {\n  expect(add(2, 3)).toBe(5);\n});\n```\n",
];

/** The scripted model: fails first and repairs after; a tool request writes a file, then says what happened. */
function reply(request: LlmRequest): ScriptedReply {
  const last = request.messages.at(-1)!;
  if (last.role === 'tool') return [last.isError ? 'I did not write the file: you refused.' : 'Written.'];
  const asked = last.content;
  if (asked.includes('write')) {
    const file = /write hello to (\S+)/.exec(asked)![1]!;
    return [
      {
        toolCall: {
          id: `call-${file}`,
          name: 'filesystem__write_file',
          arguments: { path: path.join(folder, file), content: 'hello' },
        },
      },
    ];
  }
  return code(asked.startsWith('Kiln ran your') ? '+' : '-');
}

let session: BrowserSession<ScriptedProvider>;
let page: Page;
let folder: string;

beforeAll(async () => {
  session = await startBrowserSession({
    provider: new ScriptedProvider({ replies: reply, delayMs: 20 }),
    environment: { KILN_WORKERS: 'in-process' },
  });
  folder = session.files;
  page = await session.newPage();
  await signUp(page, session.url, 'session@example.com');
});
afterAll(async () => {
  await session?.stop();
});

const composer = () => page.getByLabel('Message', { exact: true });
const answers = () => page.getByRole('article', { name: "Kiln's answer" });

async function send(text: string) {
  await composer().fill(text);
  await composer().press('Enter');
}

describe('a code session in the browser', () => {
  it('shows the phases and each attempt streaming, the repair, then approves what passed', async () => {
    await send('/code add two numbers in TypeScript');
    const answer = answers().last();
    const codeSession = answer.getByRole('region', { name: 'Code session' });
    // The first attempt's failure shows while the session goes on.
    await expect.poll(() => codeSession.textContent(), { timeout: 60_000 }).toMatch(/Attempt 1[\s\S]*adds two numbers/);
    await answerFinished(answer);
    const text = await codeSession.textContent();
    expect(text).toMatch(/Passed on attempt 2/);
    expect(text).toMatch(/Attempt 2 of 4/);
    expect(await codeSession.getByRole('heading', { name: /^Attempt \d$/ }).allTextContents()).toEqual([
      'Attempt 1',
      'Attempt 2',
    ]);
    // Every step was gone through: the stepper marks each done.
    const steps = (await codeSession.getByRole('list').first().getByRole('listitem').allTextContents()).map((label) =>
      label.replace(/\s+/g, ' ').trim(),
    );
    expect(steps).toEqual(['Plan: done', 'Generate: done', 'Validate: done', 'Repair: done', 'Done: done']);
    await session.screenshot(page, 'code-session-repaired');

    await codeSession.getByRole('button', { name: 'Approve' }).click();
    await expect
      .poll(() => codeSession.getByRole('status').last().textContent(), { timeout: 15_000 })
      .toMatch(/Approved by you\s*· saved as pattern/);
    // After a reload the decision is still there, and nothing can be decided again.
    await page.reload();
    const reloaded = answers().last().getByRole('region', { name: 'Code session' });
    await expect.poll(() => reloaded.textContent(), { timeout: 15_000 }).toMatch(/Approved by you/);
    expect(await reloaded.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(session.pageErrors).toEqual([]);
  });

  it('waits for Allow before a tool writes, and Deny keeps it from running', async () => {
    await send('/tool write hello to allowed.txt');
    const answer = answers().last();
    const tools = answer.getByRole('region', { name: 'Tool calls' });
    await tools.getByRole('button', { name: 'Allow' }).click();
    await answerFinished(answer);
    expect(await tools.textContent()).toContain('Allowed');
    expect(await answer.textContent()).toContain('Written.');
    expect(await readFile(path.join(folder, 'allowed.txt'), 'utf8')).toBe('hello');

    await send('/tool write hello to denied.txt');
    const second = answers().last();
    await second.getByRole('region', { name: 'Tool calls' }).getByRole('button', { name: 'Deny' }).click();
    await answerFinished(second);
    expect(await second.getByRole('region', { name: 'Tool calls' }).textContent()).toMatch(/Denied\s*not run/);
    expect(await second.textContent()).toContain('you refused');
    await expect(readFile(path.join(folder, 'denied.txt'), 'utf8')).rejects.toThrow();
    await session.screenshot(page, 'tool-call-denied');
  });
});
