import { describe, expect, it } from 'vitest';
import { createLimit } from './pattern.ts';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('createLimit', () => {
  it('never runs more than the limit, and starts queued tasks in order as slots free up', async () => {
    const limit = createLimit(2);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const results = gates.map((gate, i) =>
      limit(async () => {
        started.push(i);
        await gate.promise;
        return i * 10;
      }),
    );
    await flush();
    expect(started).toEqual([0, 1]);
    expect(limit.activeCount).toBe(2);
    expect(limit.pendingCount).toBe(2);

    gates[1]!.resolve();
    await flush();
    expect(started).toEqual([0, 1, 2]);
    expect(limit.activeCount).toBe(2);

    gates.forEach((gate) => gate.resolve());
    await expect(Promise.all(results)).resolves.toEqual([0, 10, 20, 30]);
    expect(limit.activeCount).toBe(0);
    expect(limit.pendingCount).toBe(0);
  });

  it('frees the slot when a task rejects or throws synchronously', async () => {
    const limit = createLimit(1);
    const failing = limit(() => {
      throw new Error('sync boom');
    });
    const rejecting = limit(() => Promise.reject(new Error('async boom')));
    const ok = limit(() => 'still runs');
    await expect(failing).rejects.toThrow('sync boom');
    await expect(rejecting).rejects.toThrow('async boom');
    await expect(ok).resolves.toBe('still runs');
    expect(limit.activeCount).toBe(0);
  });

  it('rejects a limit that is not a positive integer', () => {
    expect(() => createLimit(0)).toThrow(RangeError);
    expect(() => createLimit(1.5)).toThrow(RangeError);
  });
});
