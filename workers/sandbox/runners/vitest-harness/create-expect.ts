import {
  addCustomEqualityTesters,
  ASYMMETRIC_MATCHERS_OBJECT,
  ChaiStyleAssertions,
  chai,
  customMatchers,
  getState,
  GLOBAL_EXPECT,
  JestAsymmetricMatchers,
  JestChaiExpect,
  JestExtend,
  setState,
  type ExpectStatic,
  type MatcherState,
} from '@vitest/expect';
import { unsupported } from './test-api.ts';

chai.use(JestExtend);
chai.use(JestChaiExpect);
chai.use(ChaiStyleAssertions);
chai.use(JestAsymmetricMatchers);

/**
 * What `@vitest/expect` records on the running test (through `assertion.withTest`): `expect.soft` failures, and
 * `resolves`/`rejects` assertions to await when the test body returns without awaiting them.
 */
export interface AssertionTask {
  result?: { state: string; errors?: unknown[] };
  promises?: Promise<unknown>[];
  onFinished?: (() => void)[];
}

type Expect = ExpectStatic & {
  assert: typeof chai.assert;
  soft: ExpectStatic;
  addEqualityTesters: typeof addCustomEqualityTesters;
  poll: () => never;
  unreachable: (message?: string) => never;
};

/** vitest's global `expect` (as its `createExpect` builds it), minus snapshots and `expect.poll`. */
export function createExpect(runningTask: () => AssertionTask | undefined): Expect {
  const expect = ((value: unknown, message?: string) => {
    const { assertionCalls } = getState(expect);
    setState({ assertionCalls: assertionCalls + 1 }, expect);
    const assertion = chai.expect(value, message) as Chai.Assertion & { withTest(task: AssertionTask): unknown };
    const task = runningTask();
    return task ? assertion.withTest(task) : assertion;
  }) as unknown as Expect;
  Object.assign(expect, chai.expect);
  Object.assign(expect, (globalThis as Record<symbol, unknown>)[ASYMMETRIC_MATCHERS_OBJECT]);
  expect.getState = () => getState(expect);
  expect.setState = (state) => setState(state, expect);
  resetExpectState(expect, '');
  expect.assert = chai.assert;
  expect.extend = (matchers) =>
    (chai.expect as unknown as { extend: (...args: unknown[]) => void }).extend(expect, matchers);
  expect.addEqualityTesters = addCustomEqualityTesters;
  expect.soft = ((...args: [unknown, string?]) =>
    (expect(...args) as unknown as { withContext(context: object): unknown }).withContext({ soft: true })) as never;
  expect.poll = unsupported('expect.poll (use vi.waitFor)');
  expect.unreachable = (message) => {
    chai.assert.fail(`expected${message ? ` "${message}" ` : ' '}not to be reached`);
  };
  chai.util.addMethod(expect, 'assertions', (expected: number) => {
    expect.setState({
      expectedAssertionsNumber: expected,
      expectedAssertionsNumberErrorGen: () =>
        new Error(`expected number of assertions to be ${expected}, but got ${expect.getState().assertionCalls}`),
    });
  });
  chai.util.addMethod(expect, 'hasAssertions', () => {
    const error = new Error('expected any number of assertion, but got none');
    expect.setState({ isExpectingAssertions: true, isExpectingAssertionsError: error });
  });
  expect.extend(customMatchers);
  Object.defineProperty(globalThis, GLOBAL_EXPECT, { value: expect, writable: true, configurable: true });
  return expect;
}

/** Before each test: no assertions counted or expected yet. */
export function resetExpectState(expect: ExpectStatic, currentTestName: string): void {
  setState(
    {
      assertionCalls: 0,
      isExpectingAssertions: false,
      isExpectingAssertionsError: null,
      expectedAssertionsNumber: null,
      expectedAssertionsNumberErrorGen: null,
      currentTestName,
    } as Partial<MatcherState>,
    expect,
  );
}

/** After a test: the error `expect.assertions(n)` or `expect.hasAssertions()` calls for, if any. */
export function assertionCountError(expect: ExpectStatic): unknown {
  const state = expect.getState();
  if (state.expectedAssertionsNumber !== null && state.assertionCalls !== state.expectedAssertionsNumber) {
    return state.expectedAssertionsNumberErrorGen?.();
  }
  if (state.isExpectingAssertions && state.assertionCalls === 0) return state.isExpectingAssertionsError;
  return undefined;
}
