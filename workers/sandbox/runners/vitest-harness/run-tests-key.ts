/**
 * Where the harness leaves its `runTests` function on `globalThis`, for the test program's entry module to call
 * once the harness has loaded (see bundle-node-program.ts).
 */
export const runTestsKey = Symbol.for('kiln.vitest-harness.run-tests');

export interface RunTestsOptions {
  /** Base names of the user's files (the tests first), to point failures at their lines. */
  userFiles: string[];
  /** Imports the tests file (and through it the code). A throw here fails the file, as in vitest. */
  importTests: () => Promise<unknown>;
}
