import type { RunLanguage } from '$protocol/runs.ts';

const byFenceName: Record<string, RunLanguage> = {
  ts: 'typescript',
  typescript: 'typescript',
  js: 'javascript',
  javascript: 'javascript',
  mjs: 'javascript',
  py: 'python',
  python: 'python',
  python3: 'python',
  sh: 'shell',
  bash: 'shell',
  shell: 'shell',
};

/** The run language of a fenced block's info string (`ts`, `python`, `bash`…), or undefined when Kiln cannot run it. */
export function runnableLanguage(fenceName: string | undefined): RunLanguage | undefined {
  return fenceName ? byFenceName[fenceName.trim().toLowerCase()] : undefined;
}

/** Whether a block is tests for code beside it: it imports vitest, or defines unittest cases. */
export function looksLikeTests(code: string, language: RunLanguage): boolean {
  if (language === 'typescript' || language === 'javascript') return /from\s+['"]vitest['"]/.test(code);
  if (language === 'python') return /\bimport unittest\b|\bunittest\.TestCase\b/.test(code);
  return false;
}

export interface CodeBlock {
  language: RunLanguage;
  code: string;
}

/** The runnable fenced blocks of a Markdown text (a user's pasted code), in order. */
export function fencedBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  for (const match of markdown.matchAll(/^(`{3,}|~{3,})[ \t]*([\w+-]*)[^\n]*\n([\s\S]*?)\n\1[ \t]*$/gm)) {
    const language = runnableLanguage(match[2]);
    if (language && match[3]!.trim()) blocks.push({ language, code: match[3]! });
  }
  return blocks;
}

/**
 * What a Run button on `blocks[index]` runs: the block itself as a program, or, for a block of tests, the
 * closest earlier block of the same language as the code and this one as its tests.
 */
export function runFor(blocks: CodeBlock[], index: number): { language: RunLanguage; code: string; tests?: string } {
  const block = blocks[index]!;
  if (looksLikeTests(block.code, block.language)) {
    for (let earlier = index - 1; earlier >= 0; earlier -= 1) {
      const candidate = blocks[earlier]!;
      if (candidate.language === block.language && !looksLikeTests(candidate.code, candidate.language)) {
        return { language: block.language, code: candidate.code, tests: block.code };
      }
    }
  }
  return { language: block.language, code: block.code };
}
