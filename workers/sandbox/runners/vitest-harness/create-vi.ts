import { clearAllMocks, fn, isMockFunction, resetAllMocks, restoreAllMocks, spyOn } from '@vitest/spy';
import type { FakeTimers } from './fake-timers.ts';
import { unsupported } from './test-api.ts';
import { createWaitFor } from './wait-for.ts';

/**
 * vitest's `vi`: mocks from `@vitest/spy`, fake timers, `waitFor`/`waitUntil`, and stubbed globals and
 * environment variables. Module mocking (`vi.mock` and friends) needs vitest's module loader, which a bundled
 * test program does not have: those throw, saying so.
 */
export function createVi(timers: FakeTimers) {
  const stubbedGlobals = new Map<PropertyKey, PropertyDescriptor | undefined>();
  const stubbedEnvironment = new Map<string, string | undefined>();
  const vi = {
    fn,
    spyOn,
    isMockFunction,
    mocked: <T>(item: T): T => item,
    clearAllMocks: () => (clearAllMocks(), vi),
    resetAllMocks: () => (resetAllMocks(), vi),
    restoreAllMocks: () => (restoreAllMocks(), vi),
    useFakeTimers: (config?: Parameters<FakeTimers['useFakeTimers']>[0]) => (timers.useFakeTimers(config), vi),
    useRealTimers: () => (timers.useRealTimers(), vi),
    isFakeTimers: () => timers.isFakeTimers(),
    advanceTimersByTime: (ms: number) => (timers.advanceTimersByTime(ms), vi),
    advanceTimersByTimeAsync: async (ms: number) => (await timers.advanceTimersByTimeAsync(ms), vi),
    advanceTimersToNextTimer: (steps?: number) => (timers.advanceTimersToNextTimer(steps), vi),
    advanceTimersToNextTimerAsync: async (steps?: number) => (await timers.advanceTimersToNextTimerAsync(steps), vi),
    runAllTimers: () => (timers.runAllTimers(), vi),
    runAllTimersAsync: async () => (await timers.runAllTimersAsync(), vi),
    runOnlyPendingTimers: () => (timers.runOnlyPendingTimers(), vi),
    runOnlyPendingTimersAsync: async () => (await timers.runOnlyPendingTimersAsync(), vi),
    runAllTicks: () => (timers.runAllTicks(), vi),
    clearAllTimers: () => (timers.clearAllTimers(), vi),
    getTimerCount: () => timers.getTimerCount(),
    setSystemTime: (time?: number | string | Date) => (timers.setSystemTime(time), vi),
    getMockedSystemTime: () => timers.getMockedSystemTime() ?? null,
    getRealSystemTime: () => timers.getRealSystemTime(),
    ...createWaitFor(timers),
    hoisted: <T>(factory: () => T): T => factory(),
    stubGlobal(name: PropertyKey, value: unknown) {
      if (!stubbedGlobals.has(name)) stubbedGlobals.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
      Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: true });
      return vi;
    },
    unstubAllGlobals() {
      for (const [name, original] of stubbedGlobals) {
        if (original) Object.defineProperty(globalThis, name, original);
        else Reflect.deleteProperty(globalThis, name);
      }
      stubbedGlobals.clear();
      return vi;
    },
    /** Sets `process.env[name]` (vitest's `import.meta.env` is `process.env` in Node). */
    stubEnv(name: string, value: string | boolean | undefined) {
      if (!stubbedEnvironment.has(name)) stubbedEnvironment.set(name, process.env[name]);
      if (value === undefined) delete process.env[name];
      else process.env[name] = String(value);
      return vi;
    },
    unstubAllEnvs() {
      for (const [name, original] of stubbedEnvironment) {
        if (original === undefined) delete process.env[name];
        else process.env[name] = original;
      }
      stubbedEnvironment.clear();
      return vi;
    },
    resetModules: () => vi,
    mock: unsupported('vi.mock (module mocking)'),
    doMock: unsupported('vi.doMock (module mocking)'),
    unmock: unsupported('vi.unmock (module mocking)'),
    doUnmock: unsupported('vi.doUnmock (module mocking)'),
    importActual: unsupported('vi.importActual (module mocking)'),
    importMock: unsupported('vi.importMock (module mocking)'),
  };
  return vi;
}

export type Vi = ReturnType<typeof createVi>;
