import { bundleNodeProgram } from './bundle-node-program.ts';
import { checkTypesInBackground } from './type-check-thread.ts';
import { runFileNames } from './run-file-names.ts';
import type { PreparedProgram, RunRequest } from './run-request.ts';

/**
 * TypeScript and JavaScript: the code (and the tests, with the vitest harness) bundled on the host into one
 * ES module that plain `node` runs: `main.mjs` for a program, `tests.mjs` for tests. Syntax errors (the bundler's)
 * stop the run. TypeScript is type-checked on a thread of its own while the program runs: its type errors do not
 * stop it, and come as `typeDiagnostics`.
 */
export async function prepareNodeRun(
  request: RunRequest & { language: 'typescript' | 'javascript' },
): Promise<PreparedProgram> {
  const names = runFileNames[request.language];
  const code = { file: names.code, text: request.code };
  const tests = request.tests === undefined ? undefined : { file: names.tests, text: request.tests };
  const bundle = await bundleNodeProgram({ code, tests, loader: request.language === 'typescript' ? 'ts' : 'js' });
  const diagnostics = bundle.diagnostics;
  const timings = { typeCheckMs: 0, bundleMs: bundle.bundleMs };
  if (bundle.text === undefined) return { program: undefined, diagnostics, timings };
  // The bundler has parsed both files: what the check adds is type errors, never blocking.
  const typeDiagnostics =
    request.language === 'typescript'
      ? checkTypesInBackground({ code, tests }).then((found) =>
          found.filter((diagnostic) => diagnostic.kind === 'type'),
        )
      : undefined;
  const file = tests ? 'tests.mjs' : 'main.mjs';
  return {
    program: { runtime: 'node', files: { [file]: bundle.text }, command: ['node', '--enable-source-maps', file] },
    diagnostics,
    ...(typeDiagnostics ? { typeDiagnostics } : {}),
    timings,
  };
}
