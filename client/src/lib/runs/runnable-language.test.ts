import { describe, expect, it } from 'vitest';
import { fencedBlocks, runFor, runnableLanguage } from './runnable-language.ts';

describe('runnable code blocks', () => {
  it('knows the fence names of the languages the sandbox runs, and no others', () => {
    expect(['ts', 'TypeScript', 'js', 'py', 'python3', 'bash', 'sh'].map(runnableLanguage)).toEqual([
      'typescript',
      'typescript',
      'javascript',
      'python',
      'python',
      'shell',
      'shell',
    ]);
    expect([undefined, '', 'sql', 'rust', 'json'].map(runnableLanguage)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("finds a message's runnable fenced blocks in order", () => {
    const message =
      'Why does this fail?\n\n```ts\nconst a = 1;\n```\n\n```sql\nselect 1\n```\n\n~~~python\nprint(2)\n~~~\n';
    expect(fencedBlocks(message)).toEqual([
      { language: 'typescript', code: 'const a = 1;' },
      { language: 'python', code: 'print(2)' },
    ]);
  });

  it('runs a block of tests against the closest earlier code of its language, and other blocks alone', () => {
    const blocks = fencedBlocks(
      [
        '```ts',
        'export const add = (a: number, b: number) => a + b;',
        '```',
        '```python',
        'print(1)',
        '```',
        '```ts',
        "import { expect, it } from 'vitest';",
        "import { add } from './code';",
        "it('adds', () => expect(add(1, 2)).toBe(3));",
        '```',
      ].join('\n'),
    );
    expect(runFor(blocks, 2)).toEqual({ language: 'typescript', code: blocks[0]!.code, tests: blocks[2]!.code });
    expect(runFor(blocks, 1)).toEqual({ language: 'python', code: 'print(1)' });
    expect(runFor(blocks, 0)).toEqual({ language: 'typescript', code: blocks[0]!.code });
  });
});
