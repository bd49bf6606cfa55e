/**
 * @template T
 * @typedef {object} Page
 * @property {T[]} items the items on this page (empty past the last page)
 * @property {number} page 1-based page number, as requested
 * @property {number} pageSize
 * @property {number} totalItems
 * @property {number} totalPages 0 when there are no items
 * @property {boolean} hasNext
 * @property {boolean} hasPrevious
 */

/**
 * Page `page` (1-based) of `items`, `pageSize` items per page. Does not change `items`.
 * @template T
 * @param {readonly T[]} items
 * @param {number} page
 * @param {number} pageSize
 * @returns {Page<T>}
 */
export function paginate(items, page, pageSize) {
  if (!Number.isInteger(page) || page < 1) throw new RangeError(`page must be an integer >= 1, got ${page}`);
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be an integer >= 1, got ${pageSize}`);
  const totalItems = items.length;
  const totalPages = Math.ceil(totalItems / pageSize);
  const start = (page - 1) * pageSize;
  return {
    items: items.slice(start, start + pageSize),
    page,
    pageSize,
    totalItems,
    totalPages,
    hasNext: page < totalPages,
    hasPrevious: page > 1,
  };
}

/**
 * Splits `items` into consecutive chunks of `size` (the last one may be shorter).
 * @template T
 * @param {readonly T[]} items
 * @param {number} size
 * @returns {T[][]}
 */
export function chunk(items, size) {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`size must be an integer >= 1, got ${size}`);
  /** @type {T[][]} */
  const chunks = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
