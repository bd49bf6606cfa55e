import type { FakeTimers } from './fake-timers.ts';
import { realTimers } from './real-timers.ts';

export type WaitOptions = number | { timeout?: number; interval?: number };

/**
 * `vi.waitFor` and `vi.waitUntil` as vitest has them: the callback is retried every `interval` ms (real time; with
 * fake timers on, each retry also advances them by `interval`) until it passes (`waitFor`: does not throw or
 * reject; `waitUntil`: returns a truthy value) or `timeout` ms have passed (default 1000, interval 50).
 */
export function createWaitFor(timers: FakeTimers) {
  function poll<T>(
    callback: () => T | Promise<T>,
    options: WaitOptions,
    accept: (value: T) => boolean,
    timeoutMessage: string,
    rejectOnError: boolean,
  ): Promise<T> {
    const { interval = 50, timeout = 1_000 } = typeof options === 'number' ? { timeout: options } : options;
    const stack = new Error(timeoutMessage);
    return new Promise<T>((resolve, reject) => {
      let lastError: unknown;
      let pending = false;
      let timeoutId: ReturnType<typeof setTimeout> | undefined;
      let intervalId: ReturnType<typeof setInterval> | undefined;
      const stop = () => {
        if (timeoutId) realTimers.clearTimeout(timeoutId);
        if (intervalId) realTimers.clearInterval(intervalId);
      };
      const settle = (value: T): boolean => {
        if (!accept(value)) return false;
        stop();
        resolve(value);
        return true;
      };
      const fail = (error: unknown) => {
        stop();
        reject(error ?? stack);
      };
      const check = (): boolean => {
        if (timers.isFakeTimers()) timers.advanceTimersByTime(interval);
        if (pending) return false;
        try {
          const result = callback();
          if (result !== null && typeof result === 'object' && typeof (result as Promise<T>).then === 'function') {
            pending = true;
            (result as Promise<T>).then(
              (value) => {
                pending = false;
                settle(value);
              },
              (error: unknown) => {
                pending = false;
                lastError = error;
                if (rejectOnError) fail(error);
              },
            );
            return false;
          }
          return settle(result as T);
        } catch (error) {
          lastError = error;
          if (rejectOnError) fail(error);
          return false;
        }
      };
      if (check()) return;
      timeoutId = realTimers.setTimeout(() => fail(lastError), timeout);
      intervalId = realTimers.setInterval(check, interval);
    });
  }

  return {
    waitFor: <T>(callback: () => T | Promise<T>, options: WaitOptions = {}) =>
      poll(callback, options, () => true, 'Timed out in waitFor!', false),
    waitUntil: <T>(callback: () => T | Promise<T>, options: WaitOptions = {}) =>
      poll(callback, options, (value) => Boolean(value), 'Timed out in waitUntil!', true),
  };
}
