import type { RunLanguage } from '../../../protocol/runs.ts';

/** Code to run: the program (or module under test) and its tests, in one language the sandbox runs. */
export interface RunnableCode {
  language: RunLanguage;
  code: string;
  tests: string | null;
}

export interface FencedBlock {
  /** The fence's info string, lower-cased (`ts`, `python`, …); '' when it names none. */
  info: string;
  body: string;
}

const languageOfFence: Record<string, RunLanguage | 'other'> = {
  ts: 'typescript',
  typescript: 'typescript',
  tsx: 'typescript',
  mts: 'typescript',
  js: 'javascript',
  javascript: 'javascript',
  mjs: 'javascript',
  node: 'javascript',
  py: 'python',
  python: 'python',
  python3: 'python',
  sh: 'shell',
  bash: 'shell',
  shell: 'shell',
  zsh: 'shell',
};

/** The fenced code blocks of Markdown text, in order (an unclosed last fence runs to the end). */
export function fencedBlocks(text: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  const fence = /^(`{3,}|~{3,})[ \t]*([^\n`]*)\n([\s\S]*?)(?:^\1[ \t]*$|(?![\s\S]))/gm;
  for (const match of text.matchAll(fence)) {
    blocks.push({
      info: (match[2] ?? '').trim().split(/\s+/)[0]!.toLowerCase(),
      body: (match[3] ?? '').replace(/\n$/, ''),
    });
  }
  return blocks;
}

/** The block's language: from its fence, else guessed from its content; undefined for languages the sandbox does not run. */
export function languageOf(block: FencedBlock): RunLanguage | undefined {
  const named = languageOfFence[block.info];
  if (named) return named === 'other' ? undefined : named;
  if (block.info) return undefined;
  if (/^\s*(def |import unittest|from \w+ import|class \w+\(|if __name__ ==)/m.test(block.body)) return 'python';
  if (
    /^\s*(import .* from ['"]|export |const |let |function |interface |type \w+ =|(describe|it|test)\()/m.test(
      block.body,
    )
  ) {
    return /:\s*(string|number|boolean)\b|\binterface\b|\btype \w+ =/.test(block.body) ? 'typescript' : 'javascript';
  }
  if (/^#!\s*\/(usr\/)?bin\/(env\s+)?(ba|z|da)?sh\b/.test(block.body)) return 'shell';
  return undefined;
}

/** Whether a block is tests: vitest-style for TS/JS, unittest (or `test_` functions) for Python, assertions for shell. */
export function isTests(block: FencedBlock, language: RunLanguage): boolean {
  const body = block.body;
  switch (language) {
    case 'typescript':
    case 'javascript':
      return /from ['"]vitest['"]|\b(describe|it|test)\(\s*['"`]/.test(body);
    case 'python':
      return /import unittest|unittest\.TestCase|^def test_\w+\(/m.test(body);
    case 'shell':
      return /pattern\.sh|solution\.sh|\bassert\w*\b/.test(body) && /\bsource\b|^\.\s/m.test(body);
  }
}

/**
 * The code and tests of an answer or a pasted message: the first runnable block that is not tests is the code,
 * the first tests block of the same language family its tests (TypeScript tests may test JavaScript and the
 * reverse). A message holding only tests is not runnable code. Undefined when no block runs here.
 */
export function extractCode(text: string): RunnableCode | undefined {
  const blocks = fencedBlocks(text)
    .map((block) => ({ block, language: languageOf(block) }))
    .filter((entry): entry is { block: FencedBlock; language: RunLanguage } => entry.language !== undefined);
  const code = blocks.find((entry) => !isTests(entry.block, entry.language));
  if (!code) return undefined;
  const family = (language: RunLanguage) => (language === 'javascript' ? 'typescript' : language);
  const tests = blocks.find(
    (entry) =>
      entry !== code && family(entry.language) === family(code.language) && isTests(entry.block, entry.language),
  );
  const language = tests?.language === 'typescript' && code.language === 'javascript' ? 'typescript' : code.language;
  return { language, code: code.block.body, tests: tests?.block.body ?? null };
}

/** The fenced blocks in a language the sandbox cannot run (SQL, Go, …), named for the answer. */
export function unrunnableLanguages(text: string): string[] {
  return [
    ...new Set(
      fencedBlocks(text)
        .filter((block) => block.info && !languageOfFence[block.info])
        .map((block) => block.info),
    ),
  ];
}
