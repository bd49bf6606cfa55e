import { describe, expect, it, vi } from 'vitest';
import { once } from './pattern.ts';

describe('once', () => {
  it('runs the function once and returns the first result to every call', () => {
    const create = vi.fn((name: string) => ({ name }));
    const getConfig = once(create);
    const first = getConfig('a');
    const second = getConfig('b');
    expect(first).toEqual({ name: 'a' });
    expect(second).toBe(first); // later arguments are ignored
    expect(create).toHaveBeenCalledTimes(1);
    expect(getConfig.called).toBe(true);
  });

  it('remembers falsy results', () => {
    const fn = vi.fn(() => undefined);
    const init = once(fn);
    init();
    init();
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('shares one promise among concurrent async callers', async () => {
    let resolvePool!: (pool: { id: number }) => void;
    const connect = vi.fn(() => new Promise<{ id: number }>((resolve) => (resolvePool = resolve)));
    const getPool = once(connect);
    const a = getPool();
    const b = getPool();
    expect(a).toBe(b);
    resolvePool({ id: 1 });
    await expect(a).resolves.toEqual({ id: 1 });
    await getPool();
    expect(connect).toHaveBeenCalledTimes(1);
  });

  it('retries after a rejected promise instead of caching the failure', async () => {
    let attempt = 0;
    const connect = vi.fn(async () => {
      attempt++;
      if (attempt === 1) throw new Error('ECONNREFUSED');
      return 'connected';
    });
    const getConnection = once(connect);
    await expect(getConnection()).rejects.toThrow('ECONNREFUSED');
    expect(getConnection.called).toBe(false);
    await expect(getConnection()).resolves.toBe('connected');
    await expect(getConnection()).resolves.toBe('connected');
    expect(connect).toHaveBeenCalledTimes(2);
  });

  it('retries after a synchronous throw, and runs again after reset()', () => {
    let calls = 0;
    const load = once(() => {
      calls++;
      if (calls === 1) throw new Error('not ready');
      return calls;
    });
    expect(() => load()).toThrow('not ready');
    expect(load()).toBe(2);
    expect(load()).toBe(2);
    load.reset();
    expect(load.called).toBe(false);
    expect(load()).toBe(3);
  });
});
