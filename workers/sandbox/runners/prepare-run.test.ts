import { describe, expect, it } from 'vitest';
import { defaultSandboxLimits } from '../sandbox.ts';
import { prepareRun } from './prepare-run.ts';
import { formatTestReport, testReportNonceVariable } from './test-report-marker.ts';

const limits = { ...defaultSandboxLimits, wallMs: 5_000 };

describe('prepareRun', () => {
  it('runs Python code as main.py, isolated and without bytecode, with its stdin and limits', async () => {
    const { execution, diagnostics } = await prepareRun(
      { language: 'python', code: 'print(input())', stdin: 'hi' },
      limits,
    );
    expect(diagnostics).toEqual([]);
    expect(execution).toEqual({
      runtime: 'python',
      files: { 'main.py': 'print(input())' },
      command: ['python3', '-I', '-B', 'main.py'],
      environment: { LANG: 'C.UTF-8' },
      stdin: 'hi',
      limits,
    });
  });

  it('runs Python tests through the unittest runner, the code as both pattern.py and solution.py', async () => {
    const { execution } = await prepareRun({ language: 'python', code: 'X = 1', tests: 'import unittest' }, limits);
    expect(Object.keys(execution?.files ?? {}).sort()).toEqual([
      'pattern.py',
      'runner.py',
      'solution.py',
      'test_pattern.py',
    ]);
    expect(execution?.files['solution.py']).toBe('X = 1');
    expect(execution?.command).toEqual(['python3', '-I', '-B', 'runner.py']);
    expect(execution?.environment?.[testReportNonceVariable]).toMatch(/^[0-9a-f]{32}$/);
  });

  it('runs shell code with bash, and shell tests through the runner that reports them', async () => {
    const program = await prepareRun({ language: 'shell', code: 'echo hi' }, limits);
    expect(program.execution).toMatchObject({
      runtime: 'shell',
      files: { 'main.sh': 'echo hi' },
      command: ['bash', 'main.sh'],
    });
    const tested = await prepareRun({ language: 'shell', code: 'f() { :; }', tests: 'source ./pattern.sh' }, limits);
    expect(Object.keys(tested.execution?.files ?? {}).sort()).toEqual([
      'pattern.sh',
      'pattern.test.sh',
      'run-tests.sh',
    ]);
    expect(tested.execution?.command).toEqual(['bash', 'run-tests.sh']);
  });

  it('bundles TypeScript into one module for plain node: main.mjs for a program, tests.mjs with tests', async () => {
    const program = await prepareRun(
      { language: 'typescript', code: 'const n: number = 1;\nconsole.log(n);\n' },
      limits,
    );
    expect(program.execution).toMatchObject({ runtime: 'node', command: ['node', '--enable-source-maps', 'main.mjs'] });
    expect(Object.keys(program.execution?.files ?? {})).toEqual(['main.mjs']);
    const tested = await prepareRun(
      {
        language: 'typescript',
        code: 'export const one = 1;\n',
        tests: [
          "import { expect, it } from 'vitest';",
          "import { one } from './solution.js';",
          "it('one', () => expect(one).toBe(1));",
        ].join('\n'),
      },
      limits,
    );
    expect(tested.timings.bundleMs).toBeGreaterThan(0);
    const text = tested.execution?.files['tests.mjs'] ?? '';
    expect(text).not.toMatch(/from\s*["']vitest["']/);
    expect(text).toContain('sourceMappingURL=data:application/json;base64,');
  });

  it('treats blank tests as none', async () => {
    const { execution } = await prepareRun({ language: 'javascript', code: 'console.log(1)', tests: '  \n' }, limits);
    expect(execution?.command).toEqual(['node', '--enable-source-maps', 'main.mjs']);
    expect(execution?.environment).toEqual({ LANG: 'C.UTF-8' });
  });

  it('gives no execution for code that cannot run, saying why', async () => {
    const imported = await prepareRun({ language: 'javascript', code: "import './helpers.js';\n" }, limits);
    expect(imported.execution).toBeUndefined();
    expect(imported.diagnostics).toEqual([
      expect.objectContaining({
        kind: 'import',
        blocking: true,
        source: 'code',
        file: 'pattern.js',
        line: 1,
        column: 8,
      }),
    ]);
    expect(imported.diagnostics[0]?.message).toContain('a run has only its code and its tests');
  });

  it("reads the harness's report out of stdout with the run's own nonce", async () => {
    const prepared = await prepareRun({ language: 'python', code: 'X = 1', tests: 'import unittest' }, limits);
    const nonce = prepared.execution?.environment?.[testReportNonceVariable] ?? '';
    const report = { passed: 3, failed: 0, skipped: 1, failures: [] };
    expect(prepared.readResult(`printed\n${formatTestReport(nonce, report)}`)).toEqual({
      stdout: 'printed\n',
      tests: report,
    });
  });

  it('counts tests that never reported as one failure', async () => {
    const prepared = await prepareRun({ language: 'shell', code: 'f() { :; }', tests: 'exit 0' }, limits);
    expect(prepared.readResult('partial output')).toMatchObject({
      stdout: 'partial output',
      tests: { passed: 0, failed: 1, failures: [{ name: '(test run)' }] },
    });
  });

  it('leaves the output of a program without tests as it is', async () => {
    const prepared = await prepareRun({ language: 'shell', code: 'echo hi' }, limits);
    const printed = formatTestReport('anything', { passed: 1, failed: 0, skipped: 0, failures: [] });
    expect(prepared.readResult(printed)).toEqual({ stdout: printed });
  });
});
