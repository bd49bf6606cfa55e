import { describe, it, expect } from 'vitest';
import { REDACTED, redact, redactText } from './pattern.ts';

describe('redact', () => {
  it('replaces values under sensitive keys, at any depth and in arrays', () => {
    const input = {
      user: { email: 'a@example.com', password: 'hunter2' },
      headers: { Authorization: 'Bearer abc.def', 'X-Api-Key': 'k_123', accept: 'json' },
      items: [{ accessToken: 't1', id: 1 }],
      clientSecret: { nested: 'still hidden' },
    };
    expect(redact(input)).toEqual({
      user: { email: 'a@example.com', password: REDACTED },
      headers: { Authorization: REDACTED, 'X-Api-Key': REDACTED, accept: 'json' },
      items: [{ accessToken: REDACTED, id: 1 }],
      clientSecret: REDACTED,
    });
  });

  it('does not modify the input', () => {
    const input = { password: 'hunter2', nested: { token: 'x' } };
    redact(input);
    expect(input).toEqual({ password: 'hunter2', nested: { token: 'x' } });
  });

  it('scrubs secrets inside strings and error messages', () => {
    const error = Object.assign(new Error('connect failed: postgres://app:s3cr3t@db:5432/prod'), { code: 'ECONNREFUSED' });
    const result = redact({ error }) as { error: Record<string, unknown> };
    expect(result.error.message).toBe(`connect failed: postgres://app:${REDACTED}@db:5432/prod`);
    expect(result.error.name).toBe('Error');
    expect(result.error.code).toBe('ECONNREFUSED');
    expect(JSON.stringify(result)).not.toContain('s3cr3t');
  });

  it('handles cycles, shared references, dates and primitives', () => {
    const shared = { id: 1 };
    const input: Record<string, unknown> = { a: shared, b: shared, when: new Date(0), n: 5, nothing: null };
    input.self = input;
    const result = redact(input) as Record<string, unknown>;
    expect(result.self).toBe('[Circular]');
    expect(result.a).toEqual({ id: 1 });
    expect(result.b).toEqual({ id: 1 });
    expect(result.when).toEqual(new Date(0));
    expect(redact(42)).toBe(42);
    expect(redact({ password: null })).toEqual({ password: null });
  });

  it('accepts a custom key rule and keeps __proto__ harmless', () => {
    expect(redact({ ssn: '1', note: 'x' }, (key) => key === 'note')).toEqual({ ssn: '1', note: REDACTED });
    const parsed = redact(JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });
});

describe('redactText', () => {
  it('removes bearer tokens, JWTs, URL passwords and secret query parameters', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig_nature-1';
    expect(redactText('Authorization: Bearer abc.DEF-123')).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redactText(`token ${jwt} expired`)).toBe(`token ${REDACTED} expired`);
    expect(redactText('GET /cb?code=1&access_token=xyz&state=2')).toBe(`GET /cb?code=1&access_token=${REDACTED}&state=2`);
    expect(redactText('https://user:pa55@example.com/x')).toBe(`https://user:${REDACTED}@example.com/x`);
    expect(redactText('nothing to see at https://example.com/a?b=1')).toBe('nothing to see at https://example.com/a?b=1');
  });
});
