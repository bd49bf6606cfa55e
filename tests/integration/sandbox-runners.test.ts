import { describe, expect, it } from 'vitest';
import { loadCorpus, type SeedPattern } from '../../knowledge/corpus/load-corpus.ts';
import { prepareRun } from '../../workers/sandbox/runners/prepare-run.ts';
import type { RunLanguage, RunRequest } from '../../workers/sandbox/runners/run-request.ts';
import { defaultSandboxLimits } from '../../workers/sandbox/sandbox.ts';
import { HostProcessSandbox, runToEnd } from '../support/host-process-sandbox.ts';

// The code and tests of every seed pattern, prepared by the runners and run as plain processes on the host
// (HostProcessSandbox: no isolation, for tests only), must pass as they do under vitest, unittest and bash.

const languages: RunLanguage[] = ['typescript', 'javascript', 'python', 'shell'];

/** Seed patterns whose tests need more than their code and tests, with why. */
const excluded: Record<string, string> = {
  'ts-esm-module-paths':
    "its tests check their own file's path (…/esm-module-paths/pattern.test.ts) and load the pattern.json beside " +
    'it; a run has only its code and tests, bundled into one program',
};

const sandbox = new HostProcessSandbox();
const corpus = (await loadCorpus()).filter((pattern) => languages.includes(pattern.manifest.language as RunLanguage));
const included = corpus.filter((pattern) => !excluded[pattern.manifest.id]);

// Four runs at a time (two cores): the TypeScript type checks are synchronous, the runs are processes.
let running = 0;
const waiting: (() => void)[] = [];

async function run(request: RunRequest) {
  while (running >= 4) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    const prepared = await prepareRun(request, defaultSandboxLimits);
    if (!prepared.execution) return { prepared, result: undefined, stderr: '', exit: undefined };
    const { stdout, stderr, exit } = await runToEnd(sandbox, prepared.execution);
    return { prepared, result: prepared.readResult(stdout), stderr, exit };
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

function patternRequest(pattern: SeedPattern): RunRequest {
  return { language: pattern.manifest.language as RunLanguage, code: pattern.code, tests: pattern.tests };
}

/** How many tests the tests file declares, read from its text: exactly, or at least (with `.each` tables). */
function declaredTests(pattern: SeedPattern): { exactly: number } | { atLeast: number } {
  if (pattern.manifest.language === 'shell') return { exactly: 1 };
  if (pattern.manifest.language === 'python') {
    return { exactly: pattern.tests.match(/^\s+(async\s+)?def test\w*\(/gm)?.length ?? 0 };
  }
  const plain = pattern.tests.match(/(?<![\w$.])(it|test)\(/g)?.length ?? 0;
  return /(?<![\w$.])(it|test)\.each\(/.test(pattern.tests) ? { atLeast: plain + 1 } : { exactly: plain };
}

describe('seed patterns in the sandbox runners', () => {
  it('excludes only patterns that exist, each with a reason', () => {
    const ids = corpus.map((pattern) => pattern.manifest.id);
    for (const id of Object.keys(excluded)) expect(ids).toContain(id);
    expect(included.length).toBe(corpus.length - Object.keys(excluded).length);
    expect(included.length).toBeGreaterThan(140);
  });

  it('type-checks and bundles the excluded patterns all the same', async () => {
    for (const pattern of corpus.filter((candidate) => excluded[candidate.manifest.id])) {
      const prepared = await prepareRun(patternRequest(pattern), defaultSandboxLimits);
      expect(prepared.diagnostics).toEqual([]);
      expect(await prepared.typeDiagnostics).toEqual([]);
      expect(prepared.execution).toBeDefined();
    }
  });

  // One pattern at a time: run concurrently, these 150 runs took both cores for a minute and starved the
  // timing-sensitive tests that share the machine with them (server restarts, browser sign-up).
  describe.each(languages)('%s', (language) => {
    const patterns = included.filter((pattern) => pattern.manifest.language === language);
    it.each(patterns.map((pattern) => [pattern.manifest.id, pattern] as const))('%s passes', async (_, pattern) => {
      const { prepared, result, stderr, exit } = await run(patternRequest(pattern));
      expect(prepared.diagnostics).toEqual([]);
      expect(await prepared.typeDiagnostics).toEqual([]);
      expect(result?.tests, stderr).toMatchObject({ failed: 0, skipped: 0, failures: [] });
      const declared = declaredTests(pattern);
      if ('exactly' in declared) expect(result?.tests?.passed).toBe(declared.exactly);
      else expect(result?.tests?.passed).toBeGreaterThanOrEqual(declared.atLeast);
      expect(result?.tests?.passed).toBeGreaterThan(0);
      expect(exit?.exitCode, stderr).toBe(0);
      expect(result?.stdout).not.toContain('KILN-TESTS');
    });
  });
});

describe('runs that fail', () => {
  it('reports a failing assertion with its test name and message, and the tests that passed', async () => {
    const { result, exit } = await run({
      language: 'typescript',
      code: 'export const add = (a: number, b: number): number => a + b;\n',
      tests: [
        "import { describe, expect, it } from 'vitest';",
        "import { add } from './code';",
        "describe('add', () => {",
        "  it('adds', () => expect(add(1, 2)).toBe(3));",
        "  it('adds wrongly', () => expect(add(2, 2)).toBe(5));",
        '});',
      ].join('\n'),
    });
    expect(result?.tests).toMatchObject({ passed: 1, failed: 1, failures: [{ name: 'add > adds wrongly' }] });
    expect(result?.tests?.failures[0]?.message).toMatch(/expected 4 to be 5[\s\S]*at pattern\.test\.ts:5:/);
    expect(exit?.exitCode).toBe(1);
  });

  it('reports a type error with its line and still runs the code', async () => {
    const { prepared, result } = await run({
      language: 'typescript',
      code: 'export function twice(n: number): number {\n  const label: string = n;\n  return n * 2;\n}\n',
      tests: [
        "import { expect, test } from 'vitest';",
        "import { twice } from './pattern.ts';",
        "test('twice', () => expect(twice(2)).toBe(4));",
      ].join('\n'),
    });
    expect(prepared.diagnostics).toEqual([]);
    expect(await prepared.typeDiagnostics).toEqual([
      expect.objectContaining({
        kind: 'type',
        blocking: false,
        source: 'code',
        file: 'pattern.ts',
        line: 2,
        code: 2322,
      }),
    ]);
    expect(result?.tests).toMatchObject({ passed: 1, failed: 0 });
  });

  it('does not run code with a syntax error, and says where it is', async () => {
    const { prepared } = await run({ language: 'typescript', code: 'export function broken( {\n  return 1;\n}\n' });
    expect(prepared.execution).toBeUndefined();
    expect(prepared.diagnostics[0]).toMatchObject({ kind: 'syntax', blocking: true, file: 'pattern.ts', line: 2 });
  });

  it('does not run JavaScript with a syntax error, or that imports a package the sandbox lacks', async () => {
    const syntax = await run({ language: 'javascript', code: 'const x = ;\n' });
    expect(syntax.prepared.execution).toBeUndefined();
    expect(syntax.prepared.diagnostics[0]).toMatchObject({
      kind: 'syntax',
      blocking: true,
      file: 'pattern.js',
      line: 1,
    });
    const imported = await run({ language: 'javascript', code: "import _ from 'lodash';\nconsole.log(_);\n" });
    expect(imported.prepared.execution).toBeUndefined();
    expect(imported.prepared.diagnostics[0]).toMatchObject({ kind: 'import', blocking: true, line: 1 });
    expect(imported.prepared.diagnostics[0]?.message).toContain('Cannot import "lodash"');
  });

  it('shows an error thrown at the top level of a program at its line in the code', async () => {
    const { result, stderr, exit } = await run({
      language: 'typescript',
      code: "console.log('before');\nconst limit: number = 3;\nthrow new Error(`over the limit of ${limit}`);\n",
    });
    expect(result).toEqual({ stdout: 'before\n' });
    expect(exit?.exitCode).toBe(1);
    expect(stderr).toContain('Error: over the limit of 3');
    expect(stderr).toMatch(/pattern\.ts:3:7/);
  });

  it('fails the tests when the code throws as it loads', async () => {
    const { result } = await run({
      language: 'javascript',
      code: "export const value = 1;\nthrow new TypeError('not configured');\n",
      tests: [
        "import { it, expect } from 'vitest';",
        "import { value } from './pattern.js';",
        "it('loads', () => expect(value).toBe(1));",
      ].join('\n'),
    });
    expect(result?.tests).toMatchObject({
      passed: 0,
      failed: 1,
      failures: [{ name: 'pattern.test.js (failed to load)' }],
    });
    expect(result?.tests?.failures[0]?.message).toMatch(/TypeError: not configured[\s\S]*pattern\.js:2/);
  });

  it('reports a failing Python test with its traceback', async () => {
    const { result, exit } = await run({
      language: 'python',
      code: 'def add(a, b):\n    return a - b\n',
      tests: [
        'import unittest',
        'from solution import add',
        'class AddTest(unittest.TestCase):',
        '    def test_zero(self):',
        '        self.assertEqual(add(0, 0), 0)',
        '    def test_add(self):',
        '        self.assertEqual(add(2, 2), 4)',
      ].join('\n'),
    });
    expect(result?.tests).toMatchObject({ passed: 1, failed: 1, failures: [{ name: 'AddTest.test_add' }] });
    expect(result?.tests?.failures[0]?.message).toMatch(/test_pattern\.py", line 7[\s\S]*AssertionError: 0 != 4/);
    expect(exit?.exitCode).toBe(1);
  });

  it('reports a failing shell test with the end of its stderr', async () => {
    const { result, exit } = await run({
      language: 'shell',
      code: 'greet() { echo "hello $1"; }\n',
      tests: 'source ./pattern.sh\n[ "$(greet kiln)" = "hi kiln" ] || { echo "unexpected greeting" >&2; exit 1; }\n',
    });
    expect(result?.tests).toEqual({
      passed: 0,
      failed: 1,
      skipped: 0,
      failures: [{ name: 'pattern.test.sh', message: 'pattern.test.sh exited with status 1\nunexpected greeting' }],
    });
    expect(exit?.exitCode).toBe(1);
  });

  it('feeds stdin to programs and keeps their output', async () => {
    const python = await run({
      language: 'python',
      code: 'import sys\nprint(sys.stdin.read().upper())\n',
      stdin: 'abc',
    });
    expect(python.result).toEqual({ stdout: 'ABC\n' });
    const shell = await run({ language: 'shell', code: 'read -r line\necho "got $line"\n', stdin: 'x y\n' });
    expect(shell.result).toEqual({ stdout: 'got x y\n' });
  });

  it('counts skipped tests apart, and fails the run on an error a test left behind', async () => {
    const { result } = await run({
      language: 'javascript',
      code: 'export const later = (fn) => setTimeout(fn, 0);\n',
      tests: [
        "import { describe, expect, it } from 'vitest';",
        "import { later } from './pattern.js';",
        "describe('later', () => {",
        "  it.each([[1, 2], [2, 4]])('doubles %i to %i', (n, twice) => expect(n * 2).toBe(twice));",
        "  it.skip('is skipped', () => expect(1).toBe(2));",
        "  it.todo('is planned');",
        "  it('throws after passing', () => later(() => { throw new RangeError('too late'); }));",
        '});',
      ].join('\n'),
    });
    expect(result?.tests).toMatchObject({
      passed: 3,
      failed: 1,
      skipped: 2,
      failures: [{ name: '(unhandled error)' }],
    });
    expect(result?.tests?.failures[0]?.message).toMatch(/^RangeError: too late/);
  });

  it('counts a test run that ends early as a failure', async () => {
    const { result } = await run({
      language: 'javascript',
      code: 'export const quit = () => process.exit(0);\n',
      tests: "import { it } from 'vitest';\nimport { quit } from './pattern.js';\nit('quits', () => quit());\n",
    });
    expect(result?.tests).toMatchObject({ failed: 1, failures: [{ name: '(test run)' }] });
  });
});
