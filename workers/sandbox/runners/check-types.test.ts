import { describe, expect, it } from 'vitest';
import { checkTypes } from './check-types.ts';

const code = (text: string) => ({ file: 'pattern.ts', text });
const tests = (text: string) => ({ file: 'pattern.test.ts', text });

describe('checkTypes', () => {
  it("knows Node's globals and modules, and vitest as the harness provides it", () => {
    const diagnostics = checkTypes({
      code: code(
        [
          "import { readFile } from 'node:fs/promises';",
          'export async function load(path: string): Promise<Buffer> {',
          '  console.log(process.env.HOME, Buffer.byteLength(path));',
          '  setTimeout(() => undefined, 10);',
          '  return readFile(path);',
          '}',
        ].join('\n'),
      ),
      tests: tests(
        [
          "import { describe, expect, expectTypeOf, it, vi } from 'vitest';",
          "import { load } from './code';",
          "describe('load', () => {",
          "  it('reads', async () => {",
          '    vi.useFakeTimers();',
          '    const spy = vi.fn((n: number) => n * 2);',
          '    expect(spy(2)).toBe(4);',
          "    await expect(load('/nope')).rejects.toThrow();",
          '    expectTypeOf(spy(1)).toEqualTypeOf<number>();',
          '  });',
          '});',
        ].join('\n'),
      ),
    });
    expect(diagnostics).toEqual([]);
  });

  it('reports a type error with its place and number, not blocking the run', () => {
    const diagnostics = checkTypes({ code: code('export const n: number = 1;\nexport const s: string = n;\n') });
    expect(diagnostics).toEqual([
      {
        kind: 'type',
        blocking: false,
        source: 'code',
        file: 'pattern.ts',
        line: 2,
        column: 14,
        message: "Type 'number' is not assignable to type 'string'.",
        code: 2322,
      },
    ]);
  });

  it('reports a syntax error as blocking', () => {
    const diagnostics = checkTypes({ code: code('export const x = 1;\nexport const y = ;\nexport const z = 2;\n') });
    expect(diagnostics).toEqual([
      expect.objectContaining({ kind: 'syntax', blocking: true, file: 'pattern.ts', line: 2, column: 18 }),
    ]);
    expect(diagnostics[0]?.message).toBe('Expression expected.');
  });

  it('flags what the harness does not support, and errors in the tests as theirs', () => {
    const diagnostics = checkTypes({
      code: code('export const one = 1;\n'),
      tests: tests(
        [
          "import { vi } from 'vitest';",
          "import { one } from './pattern.ts';",
          "vi.mock('./pattern.ts');",
          'const two: 2 = one;',
        ].join('\n'),
      ),
    });
    expect(diagnostics.map(({ source, file, line, code }) => ({ source, file, line, code }))).toEqual([
      { source: 'tests', file: 'pattern.test.ts', line: 3, code: 2339 },
      { source: 'tests', file: 'pattern.test.ts', line: 4, code: 2322 },
    ]);
  });

  it("reads nothing of the host's own files, only installed packages and libraries", () => {
    const diagnostics = checkTypes({
      code: code(
        [
          '/// <reference path="../workers/sandbox/sandbox.ts" />',
          "import { defaultSandboxLimits } from '../workers/sandbox/sandbox.ts';",
          "import { z } from 'zod';",
          'export const limits: string = defaultSandboxLimits;',
          'export const name = z.string().parse(1);',
        ].join('\n'),
      ),
    });
    expect(diagnostics.map(({ line, code }) => ({ line, code }))).toEqual([
      { line: 1, code: 6053 },
      { line: 2, code: 2307 },
    ]);
  });
});
