/**
 * The types of what a run's tests import as `vitest` (vitest-harness.ts): the type check of a TypeScript run
 * resolves `vitest` to this file, so it accepts what the harness provides and flags what it does not (module
 * mocking, snapshots, `expect.poll`, fixtures). Only packages Kiln depends on at run time are named here (vitest
 * itself is a dev dependency); `expect-type` comes with vitest, and without it `expectTypeOf` is untyped.
 * A module, not an ambient declaration: Kiln's own tests keep vitest's real types.
 */
import type { Assertion, ExpectStatic, Tester } from '@vitest/expect';
import type {
  fn as mockFunction,
  isMockFunction,
  MaybeMocked,
  MaybeMockedDeep,
  spyOn as spyOnMethod,
} from '@vitest/spy';

export type { Assertion, AsymmetricMatchersContaining, ExpectStatic, JestAssertion } from '@vitest/expect';
export type {
  Mock,
  MockContext,
  Mocked,
  MockedClass,
  MockedFunction,
  MockedObject,
  MockInstance,
  MockResult,
} from '@vitest/spy';
export { assertType, expectTypeOf } from 'expect-type';

type Awaitable<T> = T | PromiseLike<T>;

export interface KilnExpect extends ExpectStatic {
  assertions(expected: number): void;
  hasAssertions(): void;
  soft: <T>(actual: T, message?: string) => Assertion<T>;
  unreachable(message?: string): never;
  addEqualityTesters(testers: Tester[]): void;
  assert: Chai.AssertStatic;
}

export interface TestContext {
  readonly task: { readonly name: string; readonly fullName: string };
  skip(note?: string): never;
  readonly signal: AbortSignal;
  onTestFinished(listener: () => Awaitable<unknown>): void;
  onTestFailed(listener: () => Awaitable<unknown>): void;
  readonly expect: KilnExpect;
}

export interface TestOptions {
  timeout?: number;
  skip?: boolean;
  only?: boolean;
  todo?: boolean;
  fails?: boolean;
  concurrent?: boolean;
  sequential?: boolean;
}

export type TestFunction = (context: TestContext) => Awaitable<unknown>;
type Name = string | ((...args: never[]) => unknown);

type ExtractEachCallbackArgs<T extends ReadonlyArray<unknown>> = {
  1: [T[0]];
  2: [T[0], T[1]];
  3: [T[0], T[1], T[2]];
  4: [T[0], T[1], T[2], T[3]];
  5: [T[0], T[1], T[2], T[3], T[4]];
  6: [T[0], T[1], T[2], T[3], T[4], T[5]];
  fallback: Array<T extends ReadonlyArray<infer U> ? U : unknown>;
}[T extends Readonly<[unknown]>
  ? 1
  : T extends Readonly<[unknown, unknown]>
    ? 2
    : T extends Readonly<[unknown, unknown, unknown]>
      ? 3
      : T extends Readonly<[unknown, unknown, unknown, unknown]>
        ? 4
        : T extends Readonly<[unknown, unknown, unknown, unknown, unknown]>
          ? 5
          : T extends Readonly<[unknown, unknown, unknown, unknown, unknown, unknown]>
            ? 6
            : 'fallback'];

interface EachFunctionReturn<T extends unknown[]> {
  (name: Name, fn: (...args: T) => Awaitable<unknown>, options?: number | TestOptions): void;
  (name: Name, options: TestOptions, fn: (...args: T) => Awaitable<unknown>): void;
}

interface EachFunction {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tuples infer from `any[]`
  <T extends any[] | [any]>(cases: ReadonlyArray<T>): EachFunctionReturn<T>;
  <T extends ReadonlyArray<unknown>>(cases: ReadonlyArray<T>): EachFunctionReturn<ExtractEachCallbackArgs<T>>;
  <T>(cases: ReadonlyArray<T>): EachFunctionReturn<T[]>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a template table has no types
  (...args: [TemplateStringsArray, ...unknown[]]): EachFunctionReturn<any[]>;
}

interface TestForFunctionReturn<Case> {
  (name: Name, fn: (testCase: Case, context: TestContext) => Awaitable<unknown>): void;
  (name: Name, options: TestOptions, fn: (testCase: Case, context: TestContext) => Awaitable<unknown>): void;
}

interface TestForFunction {
  <T>(cases: ReadonlyArray<T>): TestForFunctionReturn<T>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a template table has no types
  (strings: TemplateStringsArray, ...values: unknown[]): TestForFunctionReturn<any>;
}

export interface TestAPI {
  (name: Name, fn?: TestFunction, options?: number | TestOptions): void;
  (name: Name, options?: TestOptions, fn?: TestFunction): void;
  readonly skip: TestAPI;
  readonly only: TestAPI;
  readonly todo: TestAPI;
  readonly fails: TestAPI;
  readonly concurrent: TestAPI;
  readonly sequential: TestAPI;
  each: EachFunction;
  for: TestForFunction;
  skipIf(condition: unknown): TestAPI;
  runIf(condition: unknown): TestAPI;
}

type SuiteFactory = () => Awaitable<unknown>;

export interface SuiteAPI {
  (name: Name, factory?: SuiteFactory, options?: number | TestOptions): void;
  (name: Name, options: TestOptions, factory?: SuiteFactory): void;
  readonly skip: SuiteAPI;
  readonly only: SuiteAPI;
  readonly todo: SuiteAPI;
  readonly concurrent: SuiteAPI;
  readonly sequential: SuiteAPI;
  readonly shuffle: SuiteAPI;
  each: EachFunction;
  for: <T>(cases: ReadonlyArray<T>) => EachFunctionReturn<[T]>;
  skipIf(condition: unknown): SuiteAPI;
  runIf(condition: unknown): SuiteAPI;
}

export interface FakeTimerOptions {
  now?: number | Date;
  toFake?: string[];
  loopLimit?: number;
  shouldAdvanceTime?: boolean;
  advanceTimeDelta?: number;
  shouldClearNativeTimers?: boolean;
}

export interface WaitOptions {
  timeout?: number;
  interval?: number;
}

export interface VitestUtils {
  fn: typeof mockFunction;
  spyOn: typeof spyOnMethod;
  isMockFunction: typeof isMockFunction;
  mocked<T>(item: T, deep?: false): MaybeMocked<T>;
  mocked<T>(item: T, deep: true): MaybeMockedDeep<T>;
  clearAllMocks(): VitestUtils;
  resetAllMocks(): VitestUtils;
  restoreAllMocks(): VitestUtils;
  useFakeTimers(options?: FakeTimerOptions): VitestUtils;
  useRealTimers(): VitestUtils;
  isFakeTimers(): boolean;
  advanceTimersByTime(ms: number): VitestUtils;
  advanceTimersByTimeAsync(ms: number): Promise<VitestUtils>;
  advanceTimersToNextTimer(steps?: number): VitestUtils;
  advanceTimersToNextTimerAsync(steps?: number): Promise<VitestUtils>;
  runAllTimers(): VitestUtils;
  runAllTimersAsync(): Promise<VitestUtils>;
  runOnlyPendingTimers(): VitestUtils;
  runOnlyPendingTimersAsync(): Promise<VitestUtils>;
  runAllTicks(): VitestUtils;
  clearAllTimers(): VitestUtils;
  getTimerCount(): number;
  setSystemTime(time: number | string | Date): VitestUtils;
  getMockedSystemTime(): Date | null;
  getRealSystemTime(): number;
  waitFor<T>(callback: () => T | Promise<T>, options?: number | WaitOptions): Promise<T>;
  waitUntil<T>(callback: () => T | Promise<T>, options?: number | WaitOptions): Promise<T>;
  hoisted<T>(factory: () => T): T;
  stubGlobal(name: string | symbol | number, value: unknown): VitestUtils;
  unstubAllGlobals(): VitestUtils;
  stubEnv(name: string, value: string | boolean | undefined): VitestUtils;
  unstubAllEnvs(): VitestUtils;
  resetModules(): VitestUtils;
}

export declare const expect: KilnExpect;
export declare const vi: VitestUtils;
export declare const vitest: VitestUtils;
export declare const describe: SuiteAPI;
export declare const suite: SuiteAPI;
export declare const it: TestAPI;
export declare const test: TestAPI;
export declare function beforeAll(hook: () => Awaitable<unknown>, timeout?: number): void;
export declare function afterAll(hook: () => Awaitable<unknown>, timeout?: number): void;
export declare function beforeEach(hook: (context: TestContext) => Awaitable<unknown>, timeout?: number): void;
export declare function afterEach(hook: (context: TestContext) => Awaitable<unknown>, timeout?: number): void;
export declare function onTestFinished(listener: () => Awaitable<unknown>): void;
export declare function onTestFailed(listener: () => Awaitable<unknown>): void;
export declare const assert: Chai.AssertStatic;
export declare const chai: Chai.ChaiStatic;
export declare const should: () => Chai.Should;
