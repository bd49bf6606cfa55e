import type { ExpectStatic } from '@vitest/expect';
import type { TestFailure, TestReport } from '../test-report-marker.ts';
import { assertionCountError, resetExpectState, type AssertionTask } from './create-expect.ts';
import { formatTestError } from './format-test-error.ts';
import { realTimers } from './real-timers.ts';
import {
  containsOnly,
  defaultHookTimeoutMs,
  defaultTestTimeoutMs,
  fullName,
  type Hook,
  type RegisteredHook,
  type Suite,
  type TestCase,
  type TestContext,
} from './test-tree.ts';

type RunningTest = AssertionTask & { finished: (() => unknown)[]; failed: (() => unknown)[] };

/** Thrown by `context.skip()`. */
class SkipSignal extends Error {}

/**
 * Runs a collected tree the way vitest does by default: one test at a time, in order; `beforeAll` once per suite
 * with something to run, `beforeEach` from the outermost suite in, `afterEach` and `afterAll` in reverse
 * (a hook's returned function runs as its teardown); per-test timeouts (5 s, hooks 10 s) on real timers.
 */
export class TestTreeRunner {
  /** The running test, for `expect.soft` and for `onTestFinished`/`onTestFailed` imported from vitest. */
  running: RunningTest | undefined;
  readonly results: TestReport = { passed: 0, failed: 0, skipped: 0, failures: [] };
  private focused = false;

  constructor(
    private readonly expect: ExpectStatic,
    private readonly userFiles: readonly string[],
    private readonly log: (line: string) => void,
  ) {}

  async run(root: Suite): Promise<TestReport> {
    this.focused = containsOnly(root);
    await this.runSuite(root, [], false, false);
    return this.results;
  }

  /** A failure outside any test (loading the file, a hook, an unhandled error). */
  fail(name: string, error: unknown): void {
    this.record(name, error);
  }

  private async runSuite(suite: Suite, outer: Suite[], skipped: boolean, focused: boolean): Promise<void> {
    const chain = [...outer, suite];
    if (skipped || !this.hasRunnable(suite, focused)) {
      this.skipAll(suite);
      return;
    }
    const name = fullName(suite) || this.userFiles[0] || 'tests';
    const teardowns: RegisteredHook[] = [];
    let ready = true;
    for (const hook of suite.hooks.beforeAll) {
      try {
        const teardown = await this.withTimeout(hook.run(), hook.timeoutMs, 'Hook timed out');
        if (typeof teardown === 'function') teardowns.push({ run: teardown as Hook, timeoutMs: hook.timeoutMs });
      } catch (error) {
        this.record(`${name} (beforeAll hook)`, error);
        ready = false;
        break;
      }
    }
    for (const child of suite.children) {
      const childSkipped = !ready || child.mode === 'skip' || child.mode === 'todo';
      const childFocused = focused || child.mode === 'only';
      if (child.kind === 'suite') await this.runSuite(child, chain, childSkipped, childFocused);
      else if (childSkipped || !this.selected(child, childFocused)) this.skip(child);
      else await this.runTest(child, chain);
    }
    for (const hook of [...suite.hooks.afterAll].reverse().concat(teardowns.reverse())) {
      try {
        await this.withTimeout(hook.run(), hook.timeoutMs, 'Hook timed out');
      } catch (error) {
        this.record(`${name} (afterAll hook)`, error);
      }
    }
  }

  private async runTest(test: TestCase, chain: Suite[]): Promise<void> {
    const name = fullName(test);
    const errors: unknown[] = [];
    let skippedByTest = false;
    const capture = (error: unknown) => (error instanceof SkipSignal ? (skippedByTest = true) : errors.push(error));
    const running: RunningTest = { promises: [], onFinished: [], finished: [], failed: [] };
    this.running = running;
    const controller = new AbortController();
    const context: TestContext = {
      task: { name: test.name, fullName: name },
      skip: (note) => {
        throw new SkipSignal(note ?? 'skipped');
      },
      signal: controller.signal,
      onTestFinished: (listener) => running.finished.push(listener),
      onTestFailed: (listener) => running.failed.push(listener),
      expect: this.expect,
    };
    resetExpectState(this.expect, name);
    const teardowns: RegisteredHook[] = [];
    try {
      for (const suite of chain) {
        for (const hook of suite.hooks.beforeEach) {
          const teardown = await this.withTimeout(
            hook.run(context as never, suite as never),
            hook.timeoutMs,
            'Hook timed out',
          );
          if (typeof teardown === 'function') teardowns.push({ run: teardown as Hook, timeoutMs: hook.timeoutMs });
        }
      }
      const timeoutMs = test.timeoutMs ?? chain.findLast((suite) => suite.timeoutMs)?.timeoutMs ?? defaultTestTimeoutMs;
      await this.withTimeout(test.body?.(context), timeoutMs, 'Test timed out');
      const settled = await Promise.allSettled(running.promises ?? []);
      for (const outcome of settled) if (outcome.status === 'rejected') errors.push(outcome.reason);
      const countError = assertionCountError(this.expect);
      if (countError) errors.push(countError);
    } catch (error) {
      capture(error);
    }
    errors.push(...(running.result?.errors ?? []));
    for (const suite of [...chain].reverse()) {
      for (const hook of [...suite.hooks.afterEach].reverse()) {
        await this.attempt(() => hook.run(context as never, suite as never), hook.timeoutMs, capture);
      }
    }
    for (const teardown of teardowns.reverse()) await this.attempt(() => teardown.run(), teardown.timeoutMs, capture);
    for (const listener of running.finished.reverse()) await this.attempt(listener, defaultHookTimeoutMs, capture);
    if (errors.length > 0) {
      for (const listener of running.failed.reverse()) await this.attempt(listener, defaultHookTimeoutMs, capture);
    }
    for (const warn of running.onFinished ?? []) warn();
    controller.abort();
    this.running = undefined;
    if (test.fails) {
      if (errors.length > 0) this.pass(name);
      else this.record(name, new Error('Expect test to fail'));
    } else if (errors.length > 0) this.record(name, errors.length === 1 ? errors[0] : errors);
    else if (skippedByTest) this.skip(test);
    else this.pass(name);
  }

  private async attempt(work: () => unknown, timeoutMs: number, capture: (error: unknown) => void): Promise<void> {
    try {
      await this.withTimeout(work(), timeoutMs, 'Hook timed out');
    } catch (error) {
      capture(error);
    }
  }

  /** Awaits what a test or hook returned, failing past `timeoutMs` (the work itself cannot be stopped). */
  private async withTimeout(result: unknown, timeoutMs: number, label: string): Promise<unknown> {
    if (!result || typeof (result as Promise<unknown>).then !== 'function') return result;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = realTimers.setTimeout(() => reject(new Error(`${label} in ${timeoutMs}ms.`)), timeoutMs);
    });
    try {
      return await Promise.race([result, timeout]);
    } finally {
      realTimers.clearTimeout(timer);
    }
  }

  /** With `only` somewhere in the file, a test runs only inside a focused branch. */
  private selected(_test: TestCase, focused: boolean): boolean {
    return !this.focused || focused;
  }

  private hasRunnable(suite: Suite, focused: boolean): boolean {
    return suite.children.some((child) => {
      if (child.mode === 'skip' || child.mode === 'todo') return false;
      const childFocused = focused || child.mode === 'only';
      return child.kind === 'suite' ? this.hasRunnable(child, childFocused) : this.selected(child, childFocused);
    });
  }

  private skipAll(suite: Suite): void {
    for (const child of suite.children) {
      if (child.kind === 'suite') this.skipAll(child);
      else this.skip(child);
    }
  }

  private pass(name: string): void {
    this.results.passed += 1;
    this.log(`  ✓ ${name}`);
  }

  private skip(test: TestCase): void {
    this.results.skipped += 1;
    this.log(`  ↓ ${fullName(test)} (${test.mode === 'todo' ? 'todo' : 'skipped'})`);
  }

  private record(name: string, error: unknown): void {
    const failure: TestFailure = { name, message: formatTestError(error, this.userFiles) };
    this.results.failed += 1;
    this.results.failures.push(failure);
    this.log(`  × ${name}\n${failure.message.replace(/^/gm, '      ')}`);
  }
}
