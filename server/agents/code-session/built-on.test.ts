import { describe, expect, it } from 'vitest';
import { builtOn } from './built-on.ts';

const debounce = {
  id: 'ts-debounce',
  code: 'export function debounce(fn, waitMs) {\n  let timer;\n  let pendingArgs;\n  const run = () => fn(...pendingArgs);\n  return (...args) => { pendingArgs = args; clearTimeout(timer); timer = setTimeout(run, waitMs); };\n}\n',
};
const binarySearch = {
  id: 'ts-binary-search',
  code: 'export function binarySearch(items, target) {\n  let low = 0;\n  let high = items.length - 1;\n  while (low <= high) { const middle = (low + high) >> 1; }\n  return -1;\n}\n',
};

describe('builtOn', () => {
  it('names the patterns whose own names the code reuses', () => {
    const written =
      'export function debounceSave(save, waitMs) {\n  let timer;\n  let pendingArgs;\n  return (...args) => { pendingArgs = args; clearTimeout(timer); timer = setTimeout(() => save(...pendingArgs), waitMs); };\n}\n';
    expect(builtOn(written, [debounce, binarySearch])).toEqual(['ts-debounce']);
  });

  it('names none for code that shares only what every program has', () => {
    const written = 'export function add(a: number, b: number): number {\n  return a + b;\n}\n';
    expect(builtOn(written, [debounce, binarySearch])).toEqual([]);
  });
});
