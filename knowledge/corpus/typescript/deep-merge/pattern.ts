/** What an override may contain: any subset of T, nested; arrays and non-plain objects are replaced whole. */
export type DeepPartial<T> = T extends readonly unknown[] | ((...args: never[]) => unknown) | Date | RegExp | Map<unknown, unknown> | Set<unknown>
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

type PlainObject = Record<string, unknown>;

const isPlainObject = (value: unknown): value is PlainObject => {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * Merges overrides into `base` from left to right, recursing into plain objects only.
 * Never mutates its inputs. Rules:
 * - arrays, Dates, Maps and class instances in an override replace the base value whole;
 * - `undefined` in an override keeps the base value, `null` replaces it;
 * - `__proto__` keys (e.g. from JSON.parse of user input) are ignored, so merging
 *   untrusted data cannot pollute prototypes.
 * The result may share nested objects with the inputs that no override touched.
 */
export function deepMerge<T extends object>(base: T, ...overrides: Array<DeepPartial<NoInfer<T>> | undefined>): T {
  return overrides.reduce<unknown>((merged, override) => mergeValue(merged, override), base) as T;
}

function mergeValue(base: unknown, override: unknown): unknown {
  if (override === undefined) return base;
  if (!isPlainObject(override)) return override;
  if (!isPlainObject(base)) return mergeValue({}, override);
  const result: PlainObject = { ...base };
  for (const key of Object.keys(override)) {
    if (key === '__proto__') continue;
    result[key] = mergeValue(Object.hasOwn(base, key) ? base[key] : undefined, override[key]);
  }
  return result;
}
