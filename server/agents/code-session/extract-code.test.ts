import { describe, expect, it } from 'vitest';
import { extractCode, unrunnableLanguages } from './extract-code.ts';

/** A fenced block as a model writes it. */
const fence = (info: string, body: string) => `\`\`\`${info}\n${body}\n\`\`\``;

const tsCode = 'export function add(a: number, b: number): number {\n  return a + b;\n}';
const tsTests =
  "import { describe, expect, it } from 'vitest';\nimport { add } from './solution';\n\ndescribe('add', () => {\n  it('adds', () => expect(add(1, 2)).toBe(3));\n});";
const jsCode = 'export function add(a, b) {\n  return a + b;\n}';
const pyCode = "def slugify(text):\n    return '-'.join(text.lower().split())";
const pyTests =
  "import unittest\nfrom solution import slugify\n\nclass SlugifyTest(unittest.TestCase):\n    def test_spaces(self):\n        self.assertEqual(slugify('Hello World'), 'hello-world')";
const shCode = '#!/bin/bash\ngreet() {\n  echo "Hello, $1"\n}';
const shTests = 'source ./solution.sh\n[ "$(greet Ada)" = "Hello, Ada" ] || { echo "assert failed"; exit 1; }';

describe('extractCode', () => {
  it.each([
    ['TypeScript', 'ts', tsCode, 'ts', tsTests, 'typescript'],
    ['JavaScript', 'javascript', jsCode, 'js', tsTests.replace(/: number/g, ''), 'javascript'],
    ['Python', 'python', pyCode, 'py', pyTests, 'python'],
    ['shell', 'bash', shCode, 'sh', shTests, 'shell'],
  ] as const)(
    'takes the code and its tests from an answer in %s',
    (_name, codeInfo, code, testsInfo, tests, language) => {
      const answer = `I'll write it so.\n\n${fence(codeInfo, code)}\n\nAnd its tests:\n\n${fence(testsInfo, tests)}\n\nDone.`;
      expect(extractCode(answer)).toEqual({ language, code, tests });
    },
  );

  it('takes code with no tests when the answer has none', () => {
    expect(extractCode(`Here:\n${fence('python', pyCode)}`)).toEqual({ language: 'python', code: pyCode, tests: null });
  });

  it('tells the code from its tests when the tests come first', () => {
    expect(extractCode(`${fence('ts', tsTests)}\n\nThe code:\n\n${fence('ts', tsCode)}`)).toEqual({
      language: 'typescript',
      code: tsCode,
      tests: tsTests,
    });
  });

  it('runs JavaScript code with TypeScript tests as TypeScript, and keeps tests of another language out', () => {
    expect(extractCode(`${fence('js', jsCode)}\n${fence('ts', tsTests)}`)).toEqual({
      language: 'typescript',
      code: jsCode,
      tests: tsTests,
    });
    expect(extractCode(`${fence('ts', tsCode)}\n${fence('python', pyTests)}`)).toEqual({
      language: 'typescript',
      code: tsCode,
      tests: null,
    });
  });

  it('finds no code in an answer that holds only tests', () => {
    expect(extractCode(`Tests for your function:\n${fence('ts', tsTests)}`)).toBeUndefined();
    expect(extractCode(fence('python', pyTests))).toBeUndefined();
  });

  it('finds no code in SQL, and names SQL as a language the sandbox does not run', () => {
    const answer = `${fence('sql', 'SELECT id FROM users WHERE email = $1;')}\n${fence('sql', 'CREATE INDEX ON users (email);')}`;
    expect(extractCode(answer)).toBeUndefined();
    expect(unrunnableLanguages(answer)).toEqual(['sql']);
    expect(unrunnableLanguages(`${fence('go', 'package main')}\n${fence('ts', tsCode)}\n${fence('', 'x')}`)).toEqual([
      'go',
    ]);
  });

  it('reads an unclosed last fence to the end of the text (an answer cut at its length limit)', () => {
    const cut = `${fence('ts', tsCode)}\n\n\`\`\`ts\n${tsTests}\n`;
    expect(extractCode(cut)).toEqual({ language: 'typescript', code: tsCode, tests: tsTests });
    expect(extractCode(`\`\`\`python\n${pyCode}`)).toEqual({ language: 'python', code: pyCode, tests: null });
  });

  it('guesses the language of fences that name none', () => {
    expect(extractCode(`${fence('', pyCode)}\n${fence('', pyTests)}`)).toEqual({
      language: 'python',
      code: pyCode,
      tests: pyTests,
    });
    expect(extractCode(`${fence('', tsCode)}\n${fence('', tsTests)}`)).toEqual({
      language: 'typescript',
      code: tsCode,
      tests: tsTests,
    });
    expect(extractCode(fence('', jsCode))).toEqual({ language: 'javascript', code: jsCode, tests: null });
    expect(extractCode(fence('', shCode))).toEqual({ language: 'shell', code: shCode, tests: null });
    expect(extractCode(fence('', 'Just some words, no code.'))).toBeUndefined();
  });

  it('guesses unnamed tests that import with double quotes (Prettier style), so they run with the code', () => {
    const doubleQuoted = tsTests.replaceAll("'", '"');
    expect(extractCode(`${fence('', tsCode)}\n${fence('', doubleQuoted)}`)).toEqual({
      language: 'typescript',
      code: tsCode,
      tests: doubleQuoted,
    });
  });

  it('guesses an unnamed script started with #!/usr/bin/env bash as shell', () => {
    const envScript = shCode.replace('#!/bin/bash', '#!/usr/bin/env bash');
    expect(extractCode(fence('', envScript))).toEqual({ language: 'shell', code: envScript, tests: null });
  });

  it('accepts tilde fences and longer backtick fences', () => {
    expect(extractCode(`~~~python\n${pyCode}\n~~~`)).toEqual({ language: 'python', code: pyCode, tests: null });
    const nested = `\`\`\`\`ts\n${tsCode}\n// a fence inside: \`\`\`\n\`\`\`\``;
    expect(extractCode(nested)?.code).toBe(`${tsCode}\n// a fence inside: \`\`\``);
  });
});
