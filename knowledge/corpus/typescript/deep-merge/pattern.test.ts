import { describe, it, expect } from 'vitest';
import { deepMerge } from './pattern.ts';

interface Config {
  server: { host: string; port: number; tls?: { cert: string; key: string } };
  features: string[];
  retries: number | null;
  startedAt?: Date;
}

const defaults: Config = {
  server: { host: 'localhost', port: 8080 },
  features: ['a', 'b'],
  retries: 3,
};

describe('deepMerge', () => {
  it('merges nested objects key by key', () => {
    const merged = deepMerge(defaults, { server: { port: 9090 } });
    expect(merged).toEqual({ server: { host: 'localhost', port: 9090 }, features: ['a', 'b'], retries: 3 });
  });

  it('applies several overrides from left to right', () => {
    const merged = deepMerge(defaults, { server: { host: 'a' } }, undefined, { server: { host: 'b', tls: { cert: 'c', key: 'k' } } });
    expect(merged.server).toEqual({ host: 'b', port: 8080, tls: { cert: 'c', key: 'k' } });
  });

  it('replaces arrays and Dates instead of merging them', () => {
    const when = new Date(0);
    const merged = deepMerge(defaults, { features: ['z'], startedAt: when });
    expect(merged.features).toEqual(['z']);
    expect(merged.startedAt).toBe(when);
  });

  it('skips undefined but lets null override', () => {
    const merged = deepMerge(defaults, { retries: undefined, server: { host: undefined } });
    expect(merged.retries).toBe(3);
    expect(merged.server.host).toBe('localhost');
    expect(deepMerge(defaults, { retries: null }).retries).toBeNull();
  });

  it('does not mutate its inputs', () => {
    const override = { server: { port: 1 } };
    const snapshot = structuredClone(defaults);
    const merged = deepMerge(defaults, override);
    merged.server.host = 'changed';
    expect(defaults).toEqual(snapshot);
    expect(override).toEqual({ server: { port: 1 } });
  });

  it('replaces a primitive with an object and copies the object', () => {
    const base: { value: unknown } = { value: 1 };
    const nested = { deep: { x: 1 } };
    const merged = deepMerge(base, { value: nested });
    expect(merged.value).toEqual(nested);
    expect(merged.value).not.toBe(nested);
  });

  it('ignores __proto__ from untrusted JSON', () => {
    const evil = JSON.parse('{"__proto__": {"polluted": true}, "server": {"__proto__": {"polluted": true}}}') as object;
    const merged = deepMerge<object>({ server: {} }, evil);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((merged as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
  });
});
