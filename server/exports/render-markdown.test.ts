import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render-markdown.ts';
import { sampleExport, sampleIds } from './sample-export.ts';

const messageOf = (id: string) => sampleExport().messages.find((message) => message.id === id)!;
const sessionOf = () => messageOf(sampleIds.session).turn!.details!.session!;

describe('renderMarkdown', () => {
  it('starts with the escaped title, the export date and the project', () => {
    const markdown = renderMarkdown(sampleExport());

    expect(markdown.split('\n')[0]).toBe('# Débounce ✨ \\<b\\>search\\</b\\> input — 検索');
    expect(markdown).toContain('- Exported: 2026-12-06 09:30 UTC (Kiln 1.4.0)');
    expect(markdown).toContain('- Project: Storefront');
  });

  it('shows only the active branch by default, in order, saying that another exists', () => {
    const markdown = renderMarkdown(sampleExport());

    const headings = markdown.split('\n').filter((line) => line.startsWith('### '));
    expect(headings).toEqual([
      '### 1. You · 2026-12-05 14:03 UTC',
      '### 2. Kiln · 2026-12-05 14:03 UTC',
      '### 3. You · 2026-12-05 14:10 UTC',
      '### 4. Kiln · 2026-12-05 14:10 UTC',
      '### 5. You · 2026-12-05 14:21 UTC',
      '### 6. Kiln · 2026-12-05 14:21 UTC',
    ]);
    expect(markdown).toContain('Write a debounce function with tests, and run them.');
    expect(markdown).not.toContain('Review mine:');
    expect(markdown).not.toContain('Branch 1 of 2');
    expect(markdown).toContain('the active one only (1 other not shown)');
  });

  it('shows every branch with `all`, each marked where it forks, the active one flagged', () => {
    const markdown = renderMarkdown(sampleExport(), { branches: 'all' });

    const first = markdown.indexOf('## Branch 1 of 2 at message 3\n');
    const second = markdown.indexOf('## Branch 2 of 2 at message 3 (active)\n');
    expect(first).toBeGreaterThan(markdown.indexOf('How do I debounce'));
    expect(second).toBeGreaterThan(first);
    expect(markdown.indexOf('Review mine:')).toBeGreaterThan(first);
    expect(markdown.indexOf('Review mine:')).toBeLessThan(second);
    expect(markdown.indexOf('Write a debounce function')).toBeGreaterThan(second);
    // The shared start is shown once.
    expect(markdown.split('How do I debounce a search input').length).toBe(2);
  });

  it('names nested forks by their whole path', () => {
    const doc = sampleExport();
    const regenerated = {
      ...messageOf(sampleIds.review),
      id: '7c9e6679-7425-40de-944b-0000000000ff',
      content: 'Again.',
    };
    doc.messages.push(regenerated);

    const markdown = renderMarkdown(doc, { branches: 'all' });

    expect(markdown).toContain('## Branch 1 of 2 at message 3 › branch 2 of 2 at message 4\n');
    expect(markdown).toContain('_Alternative 2 of 2 from message 4 on (a regenerated answer)._');
  });

  it('keeps message content byte for byte, including a fence inside a longer fence', () => {
    const markdown = renderMarkdown(sampleExport());

    expect(markdown).toContain(`\n\n${messageOf(sampleIds.answer).content}\n\n`);
  });

  it('closes a code block an answer left open, so the rest of the document is not swallowed', () => {
    const markdown = renderMarkdown(sampleExport());

    expect(markdown).toContain("```ts\nimport debounce from 'lodash\n```\n\n_(stopped)_");
    expect(markdown).toContain('- `docs/search` ok — 3 pages found for "lodash debounce"');
  });

  it('cites sources as footnotes that all resolve, numbered across the document', () => {
    const doc = sampleExport();
    const stopped = doc.messages.find((message) => message.id === sampleIds.stopped)!;
    stopped.turn!.details!.citations = [messageOf(sampleIds.answer).turn!.details!.citations[0]!];

    const markdown = renderMarkdown(doc);

    expect(markdown).toContain('Sources: [^1] [^2] [^3]\n');
    expect(markdown).toContain('Sources: [^4]\n');
    const references = [...markdown.matchAll(/\[\^(\d+)\](?!:)/g)].map((match) => match[1]);
    const definitions = [...markdown.matchAll(/^\[\^(\d+)\]: /gm)].map((match) => match[1]);
    expect(definitions).toEqual(['1', '2', '3', '4']);
    expect(new Set(references)).toEqual(new Set(definitions));
    expect(markdown).toContain(
      '[^1]: Debounce with a generic handler (pattern 7c9e6679-7425-40de-944b-00000000001e) — typescript · relevance 91% · project Storefront · src/lib/debounce.ts',
    );
    expect(markdown).toContain('[^3]: Throttle vs. debounce \\[notes\\]');
  });

  it('shows each attempt of a code session: its code in a fence it cannot break, its result and its output', () => {
    const markdown = renderMarkdown(sampleExport());
    const [failed, passed] = sessionOf().attempts;

    // The code holds a ``` fence: it is wrapped in a longer one, and kept as it is.
    expect(markdown).toContain(`**Attempt 1** (typescript)\n\n\`\`\`\`typescript\n${failed!.code}\`\`\`\`\n`);
    expect(markdown).toContain(`\`\`\`\`typescript\n${passed!.code}\`\`\`\`\n`);
    expect(markdown).toContain('Result: **Failed · exit code 1 · 1.8 s · 2 tests passed, 1 failed**');
    expect(markdown).toContain('- calls once: expected 2 to equal 1');
    expect(markdown).toContain(
      `<details>\n<summary>Output (stdout/stderr)</summary>\n\n\`\`\`text\n${failed!.output}\`\`\`\n\n</details>`,
    );
    expect(markdown).toContain('Result: **Passed · exit code 0 · 1.5 s · 3 tests passed, 0 failed**');
    expect(markdown).toContain('**Code session passed after 2 attempts: All 3 tests passed.**');
    expect(markdown).toContain(
      '✅ Approved on 2026-12-05 14:12 UTC · saved as pattern 7c9e6679-7425-40de-944b-00000000005b · note: Clean; keep it.',
    );
  });

  it('marks a timed-out, out-of-memory run and output cut at its limit', () => {
    const doc = sampleExport();
    const attempt = doc.messages.find((message) => message.id === sampleIds.session)!.turn!.details!.session!
      .attempts[0]!;
    attempt.result = { ...attempt.result!, exitCode: 137, timedOut: true, oom: true, tests: undefined };
    attempt.output = 'x'.repeat(10) + '\n```\n# not a heading\n';
    attempt.outputCut = true;

    const markdown = renderMarkdown(doc);

    expect(markdown).toContain('Result: **Failed · exit code 137 · 1.8 s · timed out · out of memory**');
    expect(markdown).toContain(
      `\`\`\`\`text\n${attempt.output}\`\`\`\`\n\n_(output cut: only its beginning was kept)_`,
    );
  });

  it('lists review findings, with the retrieval notice', () => {
    const markdown = renderMarkdown(sampleExport(), { branches: 'all' });

    expect(markdown).toContain('**Review** (typescript): 1 error, 1 warning\n\n- error, line 1 (correctness,');
    expect(markdown).toContain('- warning, line 1 (readability, typescript): Parameters \\`f\\` and \\`ms\\`');
    expect(markdown).toContain('> The graph store did not answer');
  });

  it('shows the intent, model, usage and feedback of an answer, and marks failed ones', () => {
    const doc = sampleExport();
    const stopped = doc.messages.find((message) => message.id === sampleIds.stopped)!;
    stopped.status = 'failed';
    stopped.turn!.error = { code: 'provider', message: 'The model provider is unavailable.' };

    const markdown = renderMarkdown(doc);

    expect(markdown).toContain('_intent ask · model claude-sonnet-4-5 · 1,834 tokens in, 212 out · $0.0087 · 3.2 s_');
    expect(markdown).toContain('Feedback: 👍');
    expect(markdown).toContain('_(failed: The model provider is unavailable.)_');
  });

  it('renders an empty conversation as its header alone', () => {
    const doc = sampleExport();
    doc.messages = [];
    doc.conversation.activeLeafId = null;

    const markdown = renderMarkdown(doc, { branches: 'all' });

    expect(markdown).toContain('# Débounce');
    expect(markdown).not.toContain('###');
  });
});
