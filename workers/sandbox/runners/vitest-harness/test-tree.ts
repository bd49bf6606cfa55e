/**
 * The tests of one file as the harness collects them: suites (`describe`) holding tests and suites, each with
 * its hooks. Runs inside the sandbox (bundled into the test program), so it imports nothing of the host.
 */

/** `only` marks the focused tasks: when any task has it, the tasks outside every focused branch are skipped. */
export type TaskMode = 'run' | 'skip' | 'only' | 'todo';

export interface TestContext {
  readonly task: { readonly name: string; readonly fullName: string };
  /** Skips the running test (it counts as skipped, not failed). */
  skip(note?: string): never;
  readonly signal: AbortSignal;
  onTestFinished(listener: () => unknown): void;
  onTestFailed(listener: () => unknown): void;
  readonly expect: unknown;
}

export type TestBody = (context: TestContext) => unknown;
export type Hook = (...args: never[]) => unknown;

export interface RegisteredHook {
  run: Hook;
  timeoutMs: number;
}

export interface TestCase {
  kind: 'test';
  name: string;
  body: TestBody | undefined;
  mode: TaskMode;
  /** `test.fails`: passes when the body throws. */
  fails: boolean;
  /** Its own timeout; else the nearest suite's; else `defaultTestTimeoutMs`. */
  timeoutMs: number | undefined;
  parent: Suite;
}

export interface Suite {
  kind: 'suite';
  name: string;
  mode: TaskMode;
  /** The `describe` callback, run during collection once the file has been imported (as vitest does). */
  factory: (() => unknown) | undefined;
  children: (Suite | TestCase)[];
  hooks: {
    beforeAll: RegisteredHook[];
    afterAll: RegisteredHook[];
    beforeEach: RegisteredHook[];
    afterEach: RegisteredHook[];
  };
  /** Timeout for the tests inside, when `describe` was given one. */
  timeoutMs: number | undefined;
  parent: Suite | undefined;
}

export const defaultTestTimeoutMs = 5_000;
export const defaultHookTimeoutMs = 10_000;

export function createSuite(name: string, mode: TaskMode, parent?: Suite): Suite {
  return {
    kind: 'suite',
    name,
    mode,
    factory: undefined,
    children: [],
    hooks: { beforeAll: [], afterAll: [], beforeEach: [], afterEach: [] },
    timeoutMs: undefined,
    parent,
  };
}

/** `outer > inner > test`, the name vitest reports. */
export function fullName(task: Suite | TestCase): string {
  const names: string[] = [];
  for (let current: Suite | TestCase | undefined = task; current?.parent; current = current.parent) {
    names.unshift(current.name);
  }
  return names.join(' > ');
}

/** Whether a task, or a task inside it, is focused with `only`. */
export function containsOnly(task: Suite | TestCase): boolean {
  return task.mode === 'only' || (task.kind === 'suite' && task.children.some(containsOnly));
}
