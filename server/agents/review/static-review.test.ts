import { describe, expect, it } from 'vitest';
import { usesJsx } from './detect-language.ts';
import { staticReview } from './static-review.ts';

const review = (code: string, language: string) =>
  staticReview({ code, language, jsx: usesJsx(code), origin: 'fence', otherBlocks: 0 });

describe('the static review', () => {
  it('checks pasted class members inside a class, keeping their line numbers', () => {
    const result = review(`async load(id: string) {\n  const n: number = id;\n  return n;\n}`, 'typescript');
    expect(result.notes.join(' ')).toContain('class members');
    expect(result.findings).toEqual([expect.objectContaining({ line: 2, message: expect.stringContaining('TS2322') })]);
  });

  it('compiles code that only looks like JSX (HTML in a string) as plain TypeScript', () => {
    const code = `const identity = <T>(value: T): T => value;\nexport const card = (name: string) => identity(\`<div class="card">\${name}</div>\`);\nconst count: number = 'two';`;
    expect(usesJsx(code)).toBe(true);
    const result = review(code, 'typescript');
    expect(result.findings.map((finding) => [finding.line, finding.message.split(':')[0]])).toEqual([[3, 'TS2322']]);
  });

  it('orders findings by severity, then security first, then line', () => {
    const { findings } = review(
      `console.log('start');\nlet a: any = 1;\nif (a == 2) eval('x');\nconst n: number = 'one';`,
      'typescript',
    );
    expect(findings.map((finding) => [finding.severity, finding.line, finding.rule])).toEqual([
      ['error', 3, 'code-from-string'],
      ['error', 4, 'typescript'],
      ['warning', 3, 'loose-equality'],
      ['info', 1, 'console-log'],
      ['info', 2, 'explicit-any'],
    ]);
  });

  it('says when it has no checks for a language', () => {
    expect(review('package main\nfunc main() {}', 'go')).toEqual({
      findings: [],
      checks: undefined,
      notes: ['Kiln has no static checks for go yet.'],
    });
  });
});
