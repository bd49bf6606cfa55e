/**
 * What the tests of a TypeScript or JavaScript run import as `vitest` inside the sandbox, where vitest itself
 * is not installed: the test API, vitest's `expect` (from @vitest/expect), `vi` (mocks from @vitest/spy, fake
 * timers from @sinonjs/fake-timers), and `runTests`, which the test program calls once this has loaded. It
 * prints a readable report on stderr and the machine-readable one on stdout (test-report-marker.ts), then
 * exits: 0 when nothing failed, 1 otherwise, even if the tests left servers or timers behind.
 */
import { chai } from '@vitest/expect';
import { formatTestReport, testReportNonceVariable } from '../test-report-marker.ts';
import { createExpect } from './create-expect.ts';
import { createVi } from './create-vi.ts';
import { FakeTimers } from './fake-timers.ts';
import { realTimers } from './real-timers.ts';
import { TestTreeRunner } from './run-test-tree.ts';
import { runTestsKey, type RunTestsOptions } from './run-tests-key.ts';
import { TestCollector, unsupported } from './test-api.ts';
import type { Hook } from './test-tree.ts';

// Taken before any user code runs: the nonce leaves the environment, and the tests may stub the rest.
const nonce = process.env[testReportNonceVariable] ?? '';
delete process.env[testReportNonceVariable];
const exit = process.exit.bind(process);
const writeStdout = process.stdout.write.bind(process.stdout);
const writeStderr = process.stderr.write.bind(process.stderr);

const collector = new TestCollector();
const timers = new FakeTimers();
let runner: TestTreeRunner | undefined;

export const expect = createExpect(() => runner?.running);
export const vi = createVi(timers);
export const vitest = vi;
export const describe = collector.describe;
export const suite = collector.describe;
export const it = collector.test;
export const test = collector.test;
export const beforeAll = (hook: Hook, timeoutMs?: number) => collector.hook('beforeAll', hook, timeoutMs);
export const afterAll = (hook: Hook, timeoutMs?: number) => collector.hook('afterAll', hook, timeoutMs);
export const beforeEach = (hook: Hook, timeoutMs?: number) => collector.hook('beforeEach', hook, timeoutMs);
export const afterEach = (hook: Hook, timeoutMs?: number) => collector.hook('afterEach', hook, timeoutMs);
export const onTestFinished = (listener: () => unknown) => running('onTestFinished').finished.push(listener);
export const onTestFailed = (listener: () => unknown) => running('onTestFailed').failed.push(listener);
export const assert = chai.assert;
export const should = chai.should;
export { chai };
export const bench = unsupported('bench');
export const inject = unsupported('inject');

// Type-level assertions: checked by the type check before the run, nothing to do at run time.
const typeAssertion: unknown = new Proxy(() => undefined, {
  get: (_, key) => (key === 'then' ? undefined : typeAssertion),
  apply: () => typeAssertion,
});
export const expectTypeOf = () => typeAssertion;
export const assertType = () => undefined;

function running(name: string) {
  if (!runner?.running) throw new Error(`${name}() can only be called inside a test`);
  return runner.running;
}

async function runTests({ userFiles, importTests }: RunTestsOptions): Promise<void> {
  // A rejection handled later (a test awaiting it after advancing fake timers) is no error.
  const unhandled = new Map<unknown, unknown>();
  process.on('uncaughtException', (error) => unhandled.set(error, error));
  process.on('unhandledRejection', (reason, promise) => unhandled.set(promise, reason));
  process.on('rejectionHandled', (promise) => unhandled.delete(promise));
  const log = (line: string) => writeStderr(`${line}\n`);
  const current = (runner = new TestTreeRunner(expect, userFiles, log));
  let reported = false;
  const report = () => {
    reported = true;
    writeStdout(formatTestReport(nonce, current.results));
  };
  process.on('exit', (code) => {
    if (reported) return;
    current.fail('(test run)', new Error(`The process exited (code ${code}) before the tests finished`));
    report();
  });
  try {
    await importTests();
    await collector.collect();
  } catch (error) {
    current.fail(`${userFiles[0]} (failed to load)`, error);
  }
  if (current.results.failed === 0) await current.run(collector.root);
  timers.useRealTimers();
  // One turn of the event loop, for errors the last tests left in timers.
  await new Promise((resolve) => realTimers.setTimeout(resolve, 0));
  for (const error of unhandled.values()) current.fail('(unhandled error)', error);
  const { passed, failed, skipped } = current.results;
  if (passed + failed + skipped === 0)
    current.fail(userFiles[0] ?? 'tests', new Error('No test found in the tests file'));
  log(`\nTests: ${passed} passed, ${current.results.failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  report();
  exit(current.results.failed > 0 ? 1 : 0);
}

Object.defineProperty(globalThis, runTestsKey, { value: runTests });
