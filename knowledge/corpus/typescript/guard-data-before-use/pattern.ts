/**
 * `Cannot read properties of undefined (reading 'map')` means `.map` was called on a value that is not there
 * (yet): data still loading, a forgotten `await`, or a payload shaped differently from what the code expects.
 * Say which state the data is in, and check its shape once where it arrives, so later code never sees undefined.
 */

/** Data that arrives later. Never `undefined`: a state the code must handle. */
export type Loadable<T> = { state: 'loading' } | { state: 'failed'; error: Error } | { state: 'ready'; value: T };

/** A payload that is not shaped as the code expects: names the path and what was found there. */
export class ShapeError extends Error {
  constructor(
    readonly path: string,
    readonly found: string,
  ) {
    super(`expected an array at ${path}, but ${found}`);
    this.name = 'ShapeError';
  }
}

/** Settles a promise into a Loadable: a rejection becomes `failed`, never an unhandled rejection. */
export async function load<T>(work: () => Promise<T>): Promise<Loadable<T>> {
  try {
    return { state: 'ready', value: await work() };
  } catch (error) {
    return { state: 'failed', error: error instanceof Error ? error : new Error(String(error)) };
  }
}

/** The items of a list once it is ready; an empty list while loading or after a failure, so it is safe to map. */
export function itemsOf<T>(list: Loadable<T[]>): T[] {
  return list.state === 'ready' ? list.value : [];
}

/**
 * The array at a dotted `path` (`data.items`) of an untrusted payload. Throws ShapeError when a step is
 * missing (naming the keys that were there, so `data.results` vs `data.items` is obvious) or the value is
 * not an array (`data.map is not a function` otherwise).
 */
export function arrayAt(payload: unknown, path: string): unknown[] {
  let value = payload;
  let walked = '(payload)';
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') throw new ShapeError(path, `${walked} is ${describe(value)}`);
    const record = value as Record<string, unknown>;
    if (!Object.hasOwn(record, key)) {
      const keys = Object.keys(record);
      throw new ShapeError(path, `${walked} has no "${key}" (its keys: ${keys.length ? keys.join(', ') : 'none'})`);
    }
    value = record[key];
    walked = walked === '(payload)' ? key : `${walked}.${key}`;
  }
  if (!Array.isArray(value)) throw new ShapeError(path, `${path} is ${describe(value)}`);
  return value;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
