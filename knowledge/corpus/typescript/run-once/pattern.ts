export interface Once<Args extends unknown[], R> {
  (...args: Args): R;
  /** Whether a result is currently remembered. */
  readonly called: boolean;
  /** Forgets the remembered result, so the next call runs `fn` again. */
  reset(): void;
}

/**
 * Returns a function that runs `fn` on its first call and returns that first result ever after.
 * A throw, or a returned promise that rejects, is not remembered: the next call tries again.
 */
export function once<Args extends unknown[], R>(fn: (...args: Args) => R): Once<Args, R> {
  let result: { value: R } | undefined;

  const wrapped = (...args: Args): R => {
    if (result) return result.value;
    const value = fn(...args);
    const current = { value };
    result = current;
    if (value instanceof Promise) {
      value.catch(() => {
        // Only forget this attempt; reset() and a newer attempt may have replaced it.
        if (result === current) result = undefined;
      });
    }
    return value;
  };

  return Object.defineProperties(wrapped, {
    called: { get: () => result !== undefined },
    reset: { value: () => (result = undefined) },
  }) as Once<Args, R>;
}
