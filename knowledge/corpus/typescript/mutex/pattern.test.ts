import { describe, expect, it } from 'vitest';
import { Mutex } from './pattern.ts';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('Mutex', () => {
  it('prevents lost updates in concurrent read-modify-write', async () => {
    const mutex = new Mutex();
    let balance = 0;
    const deposit = (amount: number) =>
      mutex.runExclusive(async () => {
        const current = balance;
        await tick(); // without the lock, other deposits would read the same value here
        balance = current + amount;
      });
    await Promise.all(Array.from({ length: 20 }, () => deposit(5)));
    expect(balance).toBe(100);
  });

  it('serves waiters in FIFO order and never overlaps sections', async () => {
    const mutex = new Mutex();
    const events: string[] = [];
    const section = (name: string) =>
      mutex.runExclusive(async () => {
        events.push(`start ${name}`);
        await tick();
        events.push(`end ${name}`);
      });
    await Promise.all([section('a'), section('b'), section('c')]);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(mutex.isLocked).toBe(false);
  });

  it('releases the lock when the section throws', async () => {
    const mutex = new Mutex();
    await expect(mutex.runExclusive(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(mutex.isLocked).toBe(false);
    await expect(mutex.runExclusive(() => 'next')).resolves.toBe('next');
  });

  it('ignores a second call to the same release function', async () => {
    const mutex = new Mutex();
    const release = await mutex.acquire();
    const secondAcquire = mutex.acquire();
    let thirdGotIt = false;
    const third = mutex.acquire().then((releaseThird) => {
      thirdGotIt = true;
      return releaseThird;
    });
    release();
    release(); // must not also let the third caller in
    const releaseSecond = await secondAcquire;
    await tick();
    expect(thirdGotIt).toBe(false);
    expect(mutex.isLocked).toBe(true);
    releaseSecond();
    (await third)();
    expect(mutex.isLocked).toBe(false);
  });
});
