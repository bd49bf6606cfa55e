import { describe, expect, it } from 'vitest';
import { OutOfMemoryWatch } from './out-of-memory-watch.ts';

const failed = { exitCode: null, signal: 'SIGSEGV' };

describe('OutOfMemoryWatch', () => {
  it.each([
    'FATAL ERROR: Committing semi space failed. Allocation failed - JavaScript heap out of memory',
    'RangeError: Array buffer allocation failed',
    'Traceback (most recent call last):\n  File "<string>", line 2, in <module>\nMemoryError',
    "terminate called after throwing an instance of 'std::bad_alloc'",
  ])('recognises %s from a failed run', (message) => {
    const watch = new OutOfMemoryWatch();
    watch.observe(message.slice(0, 10));
    watch.observe(message.slice(10));
    expect(watch.verdict(failed, false)).toBe(true);
    expect(watch.verdict({ exitCode: 1, signal: null }, false)).toBe(true);
  });

  it('needs the run to have failed, and not to have been killed by Kiln', () => {
    const watch = new OutOfMemoryWatch();
    watch.observe('MemoryError\n');
    expect(watch.verdict({ exitCode: 0, signal: null }, false)).toBe(false);
    expect(watch.verdict(failed, true)).toBe(false);
  });

  it('does not take a crash without a message, or a message long before the end, for one', () => {
    const watch = new OutOfMemoryWatch();
    expect(watch.verdict(failed, false)).toBe(false);
    watch.observe('MemoryError handled\n');
    watch.observe('x'.repeat(10_000));
    expect(watch.verdict(failed, false)).toBe(false);
  });
});
