type Pairs = Map<object, Set<object>>;

/**
 * Structural equality for plain data: primitives (via Object.is, so NaN equals NaN
 * and 0 differs from -0), arrays, plain objects and class instances (same prototype,
 * same own enumerable keys), Date, RegExp, Map, Set, typed arrays/Buffers, and cycles.
 * A key holding `undefined` is not the same as a missing key. Map keys match by
 * identity; Set members match by value (O(n²) for object members).
 * In Node-only code, util.isDeepStrictEqual gives the same answers.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  return equal(a, b, new Map());
}

function equal(a: unknown, b: unknown, inProgress: Pairs): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  // A pair already being compared further up is assumed equal; that is what ends cycles.
  let partners = inProgress.get(a);
  if (partners?.has(b)) return true;
  if (!partners) inProgress.set(a, (partners = new Set()));
  partners.add(b);
  try {
    return equalObjects(a, b, inProgress);
  } finally {
    partners.delete(b);
  }
}

function equalObjects(a: object, b: object, inProgress: Pairs): boolean {
  if (a instanceof Date) return Object.is(a.getTime(), (b as Date).getTime());
  if (a instanceof RegExp) return a.source === (b as RegExp).source && a.flags === (b as RegExp).flags;
  if (ArrayBuffer.isView(a)) {
    const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const y = new Uint8Array((b as ArrayBufferView).buffer, (b as ArrayBufferView).byteOffset, (b as ArrayBufferView).byteLength);
    return x.length === y.length && x.every((byte, i) => byte === y[i]);
  }
  if (a instanceof Map) {
    const other = b as Map<unknown, unknown>;
    if (a.size !== other.size) return false;
    for (const [key, value] of a) {
      if (!other.has(key) || !equal(value, other.get(key), inProgress)) return false;
    }
    return true;
  }
  if (a instanceof Set) {
    const other = b as Set<unknown>;
    if (a.size !== other.size) return false;
    // Members both sets hold match themselves; the rest must pair off one to one.
    const unmatched = [...other].filter((member) => !a.has(member));
    for (const member of a) {
      if (other.has(member)) continue;
      const index = unmatched.findIndex((candidate) => equal(member, candidate, inProgress));
      if (index === -1) return false;
      unmatched.splice(index, 1);
    }
    return true;
  }
  if (a instanceof Error && (a.name !== (b as Error).name || a.message !== (b as Error).message)) return false;
  if (Array.isArray(a) && a.length !== (b as unknown[]).length) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (key) => Object.hasOwn(b, key) && equal((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], inProgress),
  );
}
