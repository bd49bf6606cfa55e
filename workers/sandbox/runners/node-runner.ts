import { bundleNodeProgram } from './bundle-node-program.ts';
import { checkTypes } from './check-types.ts';
import { runFileNames } from './run-file-names.ts';
import type { PreparedProgram, RunRequest } from './run-request.ts';

/**
 * TypeScript and JavaScript: the code (and the tests, with the vitest harness) bundled on the host into one
 * ES module that plain `node` runs: `main.mjs` for a program, `tests.mjs` for tests. TypeScript is type-checked
 * first; its syntax errors stop the run, its type errors do not.
 */
export async function prepareNodeRun(
  request: RunRequest & { language: 'typescript' | 'javascript' },
): Promise<PreparedProgram> {
  const names = runFileNames[request.language];
  const code = { file: names.code, text: request.code };
  const tests = request.tests === undefined ? undefined : { file: names.tests, text: request.tests };
  const started = performance.now();
  const typeDiagnostics = request.language === 'typescript' ? checkTypes({ code, tests }) : [];
  const typeCheckMs = Math.round(performance.now() - started);
  if (typeDiagnostics.some((diagnostic) => diagnostic.blocking)) {
    return { program: undefined, diagnostics: typeDiagnostics, timings: { typeCheckMs, bundleMs: 0 } };
  }
  const bundle = await bundleNodeProgram({ code, tests, loader: request.language === 'typescript' ? 'ts' : 'js' });
  const diagnostics = [...typeDiagnostics, ...bundle.diagnostics];
  const timings = { typeCheckMs, bundleMs: bundle.bundleMs };
  if (bundle.text === undefined) return { program: undefined, diagnostics, timings };
  const file = tests ? 'tests.mjs' : 'main.mjs';
  return {
    program: { runtime: 'node', files: { [file]: bundle.text }, command: ['node', '--enable-source-maps', file] },
    diagnostics,
    timings,
  };
}
