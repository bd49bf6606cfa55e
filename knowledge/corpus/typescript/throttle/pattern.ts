export interface Throttled<Args extends unknown[]> {
  (...args: Args): void;
  /** Drops a pending trailing call and ends the current window. */
  cancel(): void;
}

/**
 * Returns a function that calls `fn` at once (leading edge), then at most once per `waitMs`.
 * Calls made during a window are collapsed into one trailing call with the latest arguments.
 */
export function throttle<Args extends unknown[]>(fn: (...args: Args) => void, waitMs: number): Throttled<Args> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pendingArgs: Args | undefined;

  const endWindow = () => {
    if (pendingArgs === undefined) {
      timer = undefined;
      return;
    }
    const args = pendingArgs;
    pendingArgs = undefined;
    // Start the next window before calling fn, so a throwing fn cannot leave the throttle stuck.
    timer = setTimeout(endWindow, waitMs);
    fn(...args);
  };

  const throttled = (...args: Args) => {
    if (timer !== undefined) {
      pendingArgs = args;
      return;
    }
    timer = setTimeout(endWindow, waitMs);
    fn(...args);
  };
  throttled.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    pendingArgs = undefined;
  };
  return throttled;
}
