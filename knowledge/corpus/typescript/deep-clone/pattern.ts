/**
 * Deep copy that keeps what structuredClone drops: class prototypes (methods still
 * work), symbol keys, and functions (shared by reference instead of throwing
 * DataCloneError). Copies arrays, plain objects, Date, RegExp, Map (keys and values),
 * Set, ArrayBuffer, typed arrays and Buffers, and preserves shared and cyclic references.
 * Own getters are read and stored as values; private #fields are not copied.
 * For plain JSON-like data, the built-in structuredClone(value) is enough.
 */
export function deepClone<T>(value: T): T {
  return clone(value, new Map()) as T;
}

type TypedArrayConstructor = new (source: ArrayBufferView) => ArrayBufferView;

function clone(value: unknown, copies: Map<object, unknown>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (copies.has(value)) return copies.get(value);

  if (value instanceof Date) return remember(copies, value, new Date(value.getTime()));
  if (value instanceof RegExp) {
    const copy = remember(copies, value, new RegExp(value.source, value.flags));
    copy.lastIndex = value.lastIndex;
    return copy;
  }
  if (value instanceof ArrayBuffer) return remember(copies, value, value.slice(0));
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    // Buffer#slice shares memory, so Buffers are copied with Buffer.from.
    const copy = Buffer.isBuffer(value) ? Buffer.from(value) : new (value.constructor as TypedArrayConstructor)(value);
    return remember(copies, value, copy);
  }
  if (value instanceof Map) {
    const copy = remember(copies, value, new Map());
    for (const [key, item] of value) copy.set(clone(key, copies), clone(item, copies));
    return copy;
  }
  if (value instanceof Set) {
    const copy = remember(copies, value, new Set());
    for (const item of value) copy.add(clone(item, copies));
    return copy;
  }
  const copy: Record<PropertyKey, unknown> = remember(
    copies,
    value,
    Array.isArray(value) ? [] : Object.create(Object.getPrototypeOf(value) as object | null),
  );
  const source = value as Record<PropertyKey, unknown>;
  for (const key of Reflect.ownKeys(value)) {
    // Enumerable own keys: array indexes but not `length`, symbol keys included.
    if (Object.prototype.propertyIsEnumerable.call(value, key)) copy[key] = clone(source[key], copies);
  }
  return copy;
}

function remember<C>(copies: Map<object, unknown>, original: object, copy: C): C {
  copies.set(original, copy);
  return copy;
}
