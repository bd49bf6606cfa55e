import { describe, expect, it } from 'vitest';
import { Semaphore } from './pattern.ts';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('Semaphore', () => {
  it('lets at most N holders in at once', async () => {
    const semaphore = new Semaphore(3);
    let inside = 0;
    let maxInside = 0;
    await Promise.all(
      Array.from({ length: 10 }, () =>
        semaphore.use(async () => {
          inside++;
          maxInside = Math.max(maxInside, inside);
          await tick();
          inside--;
        }),
      ),
    );
    expect(maxInside).toBe(3);
    expect(semaphore.available).toBe(3);
  });

  it('hands permits to waiters in FIFO order', async () => {
    const semaphore = new Semaphore(1);
    await semaphore.acquire();
    const order: string[] = [];
    const a = semaphore.acquire().then(() => order.push('a'));
    const b = semaphore.acquire().then(() => order.push('b'));
    expect(semaphore.waiting).toBe(2);
    semaphore.release();
    await a;
    expect(order).toEqual(['a']);
    expect(semaphore.tryAcquire()).toBe(false);
    semaphore.release();
    await b;
    expect(order).toEqual(['a', 'b']);
  });

  it('removes an aborted waiter from the queue without losing a permit', async () => {
    const semaphore = new Semaphore(1);
    await semaphore.acquire();
    const controller = new AbortController();
    const aborted = semaphore.acquire(controller.signal);
    const next = semaphore.acquire();
    controller.abort(new Error('gave up'));
    await expect(aborted).rejects.toThrow('gave up');
    expect(semaphore.waiting).toBe(1);
    semaphore.release();
    await next;
    semaphore.release();
    expect(semaphore.available).toBe(1);
  });

  it('rejects at once for an already aborted signal, even with permits free', async () => {
    const semaphore = new Semaphore(2);
    await expect(semaphore.acquire(AbortSignal.abort('no'))).rejects.toBe('no');
    expect(semaphore.available).toBe(2);
  });

  it('releases the permit when the function throws, and refuses extra releases', async () => {
    const semaphore = new Semaphore(1);
    await expect(semaphore.use(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(semaphore.available).toBe(1);
    expect(() => semaphore.release()).toThrow('more times than acquire');
    expect(() => new Semaphore(0)).toThrow(RangeError);
  });
});
