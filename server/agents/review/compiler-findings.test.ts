import { describe, expect, it } from 'vitest';
import { compilerFindings } from './compiler-findings.ts';
import { compileSnippet } from './snippet-program.ts';

const compile = (code: string, language: 'typescript' | 'javascript' = 'typescript') =>
  compilerFindings(compileSnippet(code, language === 'typescript' ? 'ts' : 'js'), language);

describe('compiler findings', () => {
  it('maps a type error to its line in the snippet, as an error', () => {
    const report = compile(
      `interface User { name: string }\n\nfunction greet(user: User) {\n  const length: number = user.name;\n  return length;\n}`,
    );
    expect(report.findings).toEqual([
      expect.objectContaining({
        line: 4,
        severity: 'error',
        category: 'correctness',
        rule: 'typescript',
        message: expect.stringContaining("TS2322: Type 'string' is not assignable to type 'number'"),
      }),
    ]);
  });

  it('reports the first syntax error as an error, counts the ones it causes, and skips the type check', () => {
    const report = compile(`const ok = 1;\nfunction broken(a, b {\n  return a + b;\n}\nconst x: number = 'no';`);
    expect(report.syntaxErrors).toBe(true);
    expect(report.findings).toEqual([
      expect.objectContaining({
        line: 2,
        severity: 'error',
        message: "TS1005: ',' expected. (3 more syntax errors after it, probably caused by this one)",
      }),
    ]);
  });

  it('counts unknown imports and globals of code not shown instead of reporting them, but keeps likely typos', () => {
    const report = compile(
      `import { Pool } from 'pg';\nconst pool = new Pool();\nconst total = 1;\nprocess.exit(totl);\ndescribe('x', () => {});`,
    );
    expect(report.leftOut).toBe(2);
    expect(report.findings).toEqual([
      expect.objectContaining({ line: 4, severity: 'warning', suggestion: expect.stringContaining('`total`') }),
    ]);
  });

  it('leaves out type errors in code whose types come from imports it cannot see, and keeps the others', () => {
    const report = compile(
      `import { KilnError } from './errors';\nfunction statusOf(error: Error): number {\n  if (error instanceof KilnError) return error.status;\n  return 500;\n}\nfunction half(value: number): string {\n  return value / 2;\n}`,
    );
    expect(report.findings.map((finding) => [finding.line, finding.message.split(':')[0]])).toEqual([[7, 'TS2322']]);
    expect(report.leftOut).toBe(2);
  });

  it('gives Node code loose runtime globals and browser code the DOM', () => {
    expect(
      compile(
        `const timer = setTimeout(() => {}, 10);\ntimer.unref();\nconst data = Buffer.from(process.env.KEY ?? '');\nconsole.log(__dirname, data);`,
      ).findings,
    ).toEqual([]);
    expect(compile(`const button = document.querySelector('button');\nbutton.disabled = true;`).findings).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringContaining('TS18047') }),
    ]);
  });

  it('knows the DOM and modern ES, and allows top-level await', () => {
    expect(
      compile(
        `const response = await fetch('/a');\nconst items = [3, 1].toSorted();\ndocument.title = String(items.at(-1));`,
      ).findings,
    ).toEqual([]);
  });

  it('flags null-safety problems, impossible comparisons and unreachable code', () => {
    const findings = compile(
      `function first(items: string[]) {\n  const found = items.find((item) => item.length > 2);\n  if (items.length === 'none') return;\n  return found.toUpperCase();\n  items.pop();\n}`,
    ).findings;
    expect(findings.map((finding) => [finding.line, finding.severity, finding.message.split(':')[0]])).toEqual([
      [3, 'error', 'TS2367'],
      [4, 'error', 'TS18048'],
      [5, 'warning', 'TS7027'],
    ]);
  });

  it('reports only type-independent problems in JavaScript, which declares no types', () => {
    const report = compile(`let count = 1;\ncount = 'one';\nconst limit = 5;\nlimit = 6;`, 'javascript');
    expect(report.findings).toEqual([
      expect.objectContaining({ line: 4, severity: 'error', message: expect.stringContaining('TS2588') }),
    ]);
    expect(report.leftOut).toBe(1);
  });

  it('is fast once the library files are parsed', () => {
    compile('const warm = 1;');
    const code = Array.from(
      { length: 25 },
      (_, index) =>
        `export async function step${index}(input: string): Promise<number> {\n  const value = input.length + ${index};\n  return value * 2;\n}`,
    ).join('\n');
    const started = performance.now();
    compile(code);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
