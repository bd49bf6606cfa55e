import { describe, expect, it } from 'vitest';
import { ManualClock, systemClock, TtlCache, waitFor } from './pattern.ts';

describe('ManualClock', () => {
  it('only moves when advanced, and wakes sleepers in time order', async () => {
    const clock = new ManualClock(1_000);
    const woke: string[] = [];
    void clock.sleep(300).then(() => woke.push(`b@${clock.now()}`));
    void clock.sleep(100).then(() => woke.push(`a@${clock.now()}`));
    await clock.advance(99);
    expect(woke).toEqual([]);
    expect(clock.now()).toBe(1_099);
    await clock.advance(500);
    expect(woke).toEqual(['a@1100', 'b@1300']);
    expect(clock.now()).toBe(1_599);
  });

  it('wakes code that sleeps repeatedly within one advance', async () => {
    const clock = new ManualClock();
    let ticks = 0;
    const loop = (async () => {
      while (ticks < 5) {
        await clock.sleep(10);
        ticks++;
      }
    })();
    await clock.advance(35);
    expect(ticks).toBe(3);
    await clock.advance(100);
    await loop;
    expect(ticks).toBe(5);
  });

  it('rejects a sleep when its signal aborts', async () => {
    const clock = new ManualClock();
    const controller = new AbortController();
    const sleeping = clock.sleep(1_000, controller.signal);
    controller.abort();
    await expect(sleeping).rejects.toMatchObject({ name: 'AbortError' });
    await expect(clock.sleep(1, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('consumers', () => {
  it('TtlCache expires entries exactly at the TTL', async () => {
    const clock = new ManualClock();
    const cache = new TtlCache<string>(60_000, clock);
    cache.set('user:1', 'Ada');
    await clock.advance(59_999);
    expect(cache.get('user:1')).toBe('Ada');
    await clock.advance(1);
    expect(cache.get('user:1')).toBeUndefined();
  });

  it('waitFor polls until ready, or times out, without real waiting', async () => {
    const clock = new ManualClock();
    let calls = 0;
    const ready = waitFor(() => ++calls === 4, { timeoutMs: 10_000, intervalMs: 1_000, clock });
    await clock.advance(3_000);
    await expect(ready).resolves.toBeUndefined();
    expect(calls).toBe(4);

    const never = waitFor(() => false, { timeoutMs: 5_000, intervalMs: 1_000, clock });
    const outcome = expect(never).rejects.toThrow(/within 5000 ms/);
    await clock.advance(5_000);
    await outcome;
  });

  it('systemClock really waits', async () => {
    const started = systemClock.now();
    await systemClock.sleep(20);
    expect(systemClock.now() - started).toBeGreaterThanOrEqual(15);
  });
});
