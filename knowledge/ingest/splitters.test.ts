import { describe, expect, it } from 'vitest';
import { globToRegExp } from './discover-files.ts';
import { splitMarkdown } from './split-markdown.ts';
import { PythonSplitter, PythonUnavailableError, splitPython } from './split-python.ts';
import { splitTypeScript } from './split-typescript.ts';

describe('splitTypeScript', () => {
  const source = `import { x } from './x';

/** Parses a duration like "1h30m" into milliseconds. */
export function parseDuration(text: string): number {
  return 0;
}

export const retryWithBackoff = async (fn: () => Promise<void>) => {
  await fn();
};

const notAFunction = 42;

/** Keeps the last N items. */
export class RingBuffer<T> {
  push(item: T) {}
}
`;

  it('finds top-level functions, arrow-function constants and classes, with their JSDoc and line', () => {
    const chunks = splitTypeScript('timing.ts', source, 'typescript');
    expect(chunks.map((chunk) => [chunk.name, chunk.kind, chunk.line])).toEqual([
      ['parseDuration', 'function', 3],
      ['retryWithBackoff', 'function', 8],
      ['RingBuffer', 'class', 14],
    ]);
    expect(chunks[0]!.documentation).toBe('Parses a duration like "1h30m" into milliseconds.');
    expect(chunks[0]!.code.startsWith('/** Parses a duration')).toBe(true);
    expect(chunks[0]!.code.endsWith('}')).toBe(true);
    expect(chunks[2]!.code).toContain('push(item: T) {}');
  });

  it('splits a very long class into its methods', () => {
    const methods = Array.from({ length: 60 }, (_, index) => `  method${index}() {\n    return ${index};\n  }\n`).join(
      '',
    );
    const chunks = splitTypeScript('big.js', `class Big {\n${methods}}\n`, 'javascript');
    expect(chunks).toHaveLength(60);
    expect(chunks[0]).toMatchObject({ name: 'Big.method0', kind: 'function', line: 2, language: 'javascript' });
  });
});

describe('splitPython', () => {
  it("finds top-level functions and classes with decorators and doc strings, using Python's parser", async () => {
    const chunks = await splitPython(`import functools

@functools.cache
def fib(n):
    """Fibonacci numbers, memoised."""
    return n if n < 2 else fib(n - 1) + fib(n - 2)

class Account:
    """A bank account."""
    def deposit(self, amount):
        pass

x = 1
`);
    expect(chunks.map((chunk) => [chunk.name, chunk.kind, chunk.line, chunk.documentation])).toEqual([
      ['fib', 'function', 3, 'Fibonacci numbers, memoised.'],
      ['Account', 'class', 8, 'A bank account.'],
    ]);
    expect(chunks[0]!.code.startsWith('@functools.cache\ndef fib')).toBe(true);
  });

  it('reports a file Python cannot parse', async () => {
    await expect(splitPython('def broken(:\n')).rejects.toThrow(/Python could not parse the file: SyntaxError/);
  });

  it('splits many files with one Python process, a broken one failing alone', async () => {
    const splitter = new PythonSplitter();
    try {
      const files = Array.from({ length: 50 }, (_, index) =>
        index === 7 ? 'def broken(:\n' : `def job_${index}():\n    "Job ${index}."\n    return ${index}\n`,
      );
      const results = await Promise.allSettled(files.map((file) => splitter.split(file)));
      expect(results[7]).toMatchObject({ status: 'rejected' });
      expect(
        results.flatMap((result) => (result.status === 'fulfilled' ? [result.value[0]!.documentation] : [])),
      ).toEqual(files.flatMap((_, index) => (index === 7 ? [] : [`Job ${index}.`])));
    } finally {
      splitter.close();
    }
  });

  it('says python3 is missing, for every file, when it is', async () => {
    const splitter = new PythonSplitter('/nonexistent/python3');
    await expect(splitter.split('x = 1\n')).rejects.toBeInstanceOf(PythonUnavailableError);
    await expect(splitter.split('y = 2\n')).rejects.toBeInstanceOf(PythonUnavailableError);
  });
});

describe('splitMarkdown', () => {
  it('keeps sections that hold code, with their first paragraph, and ignores # inside code', () => {
    const chunks = splitMarkdown(`# Project

Intro without code.

## Installing

Run this once.
More of the paragraph.

\`\`\`bash
# not a heading
npm install
\`\`\`

## Notes

Nothing to run.
`);
    expect(chunks).toEqual([
      {
        name: 'Installing',
        kind: 'section',
        language: 'shell',
        line: 5,
        code: '# not a heading\nnpm install',
        documentation: 'Run this once. More of the paragraph.',
      },
    ]);
  });
});

describe('globToRegExp', () => {
  it('matches root-relative paths with ** and *, and bare names anywhere', () => {
    expect(globToRegExp('src/**/*.gen.ts').test('src/a/b/c.gen.ts')).toBe(true);
    expect(globToRegExp('src/**/*.gen.ts').test('lib/c.gen.ts')).toBe(false);
    expect(globToRegExp('legacy').test('packages/app/legacy/old.js')).toBe(true);
    expect(globToRegExp('*.stories.tsx').test('ui/Button.stories.tsx')).toBe(true);
  });
});
