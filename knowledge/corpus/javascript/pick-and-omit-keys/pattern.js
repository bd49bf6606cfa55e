/**
 * A new object with only `keys` that `object` has as own properties.
 * Missing keys are left out rather than set to undefined.
 * @template {object} T
 * @template {keyof T} K
 * @param {T} object
 * @param {readonly K[]} keys
 * @returns {Pick<T, K>}
 */
export function pick(object, keys) {
  /** @type {Partial<Pick<T, K>>} */
  const result = {};
  for (const key of keys) {
    if (Object.hasOwn(object, key)) {
      // defineProperty, so a key such as '__proto__' becomes a plain property.
      Object.defineProperty(result, key, { value: object[key], enumerable: true, writable: true, configurable: true });
    }
  }
  return /** @type {Pick<T, K>} */ (result);
}

/**
 * A new object with every own enumerable property of `object` except `keys`
 * (string and symbol keys alike).
 * @template {object} T
 * @template {keyof T} K
 * @param {T} object
 * @param {readonly K[]} keys
 * @returns {Omit<T, K>}
 */
export function omit(object, keys) {
  const result = { ...object }; // own enumerable properties, symbols included
  for (const key of keys) delete result[key];
  return result;
}
