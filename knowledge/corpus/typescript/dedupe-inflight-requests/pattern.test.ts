import { describe, expect, it, vi } from 'vitest';
import { dedupeInflight } from './pattern.ts';

function controllable<T>() {
  const calls: Array<{ resolve: (value: T) => void; reject: (error: Error) => void }> = [];
  const fn = vi.fn((_id: string) => new Promise<T>((resolve, reject) => calls.push({ resolve, reject })));
  return { fn, calls };
}

describe('dedupeInflight', () => {
  it('shares one call among concurrent callers with the same arguments', async () => {
    const { fn, calls } = controllable<{ name: string }>();
    const getUser = dedupeInflight(fn);
    const a = getUser('42');
    const b = getUser('42');
    expect(a).toBe(b);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(getUser.inflightCount).toBe(1);
    calls[0]!.resolve({ name: 'Ada' });
    const [userA, userB] = await Promise.all([a, b]);
    expect(userA).toEqual({ name: 'Ada' });
    expect(userA).toBe(userB);
  });

  it('keeps different keys separate', async () => {
    const { fn, calls } = controllable<string>();
    const load = dedupeInflight(fn);
    const one = load('1');
    const two = load('2');
    expect(fn).toHaveBeenCalledTimes(2);
    calls[0]!.resolve('one');
    calls[1]!.resolve('two');
    await expect(Promise.all([one, two])).resolves.toEqual(['one', 'two']);
  });

  it('calls again once the previous call has settled (no caching)', async () => {
    const { fn, calls } = controllable<string>();
    const load = dedupeInflight(fn);
    const first = load('x');
    calls[0]!.resolve('v1');
    await first;
    expect(load.inflightCount).toBe(0);
    const second = load('x');
    expect(fn).toHaveBeenCalledTimes(2);
    calls[1]!.resolve('v2');
    await expect(second).resolves.toBe('v2');
  });

  it('shares a failure among waiting callers but does not remember it', async () => {
    const { fn, calls } = controllable<string>();
    const load = dedupeInflight(fn);
    const a = load('x');
    const b = load('x');
    calls[0]!.reject(new Error('503'));
    await expect(a).rejects.toThrow('503');
    await expect(b).rejects.toThrow('503');
    const retry = load('x');
    calls[1]!.resolve('ok');
    await expect(retry).resolves.toBe('ok');
  });

  it('uses a custom key and handles synchronous throws', async () => {
    const fn = vi.fn(async (url: string, _options: { traceId: string }) => url.length);
    const fetchLength = dedupeInflight(fn, (url) => url);
    await Promise.all([fetchLength('/a', { traceId: '1' }), fetchLength('/a', { traceId: '2' })]);
    expect(fn).toHaveBeenCalledTimes(1);

    const throwing = dedupeInflight((_: string): Promise<never> => {
      throw new Error('sync');
    });
    await expect(throwing('k')).rejects.toThrow('sync');
    expect(throwing.inflightCount).toBe(0);
  });
});
