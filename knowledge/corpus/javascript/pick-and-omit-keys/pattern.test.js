import { describe, it, expect } from 'vitest';
import { pick, omit } from './pattern.js';

const user = { id: 1, name: 'Ada', email: 'ada@example.com', password: 'hunter2', profile: { bio: 'math' } };

describe('pick', () => {
  it('copies only the listed keys, without touching the input', () => {
    const before = structuredClone(user);
    expect(pick(user, ['id', 'name'])).toEqual({ id: 1, name: 'Ada' });
    expect(user).toEqual(before);
  });

  it('leaves out missing keys but keeps present undefined values', () => {
    const picked = pick({ a: 1, b: undefined }, ['a', 'b', 'c']);
    expect(picked).toEqual({ a: 1, b: undefined });
    expect('b' in picked).toBe(true);
    expect('c' in picked).toBe(false);
  });

  it('ignores inherited properties and treats __proto__ as a plain key', () => {
    const child = Object.create({ inherited: 'no' });
    child.own = 'yes';
    expect(pick(child, ['own', 'inherited'])).toEqual({ own: 'yes' });
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "x": 1}');
    const safe = pick(hostile, ['__proto__', 'x']);
    expect(Object.getPrototypeOf(safe)).toBe(Object.prototype);
    expect(safe.polluted).toBeUndefined();
    expect(Object.keys(safe)).toEqual(['__proto__', 'x']);
  });

  it('is shallow: nested objects are shared', () => {
    expect(pick(user, ['profile']).profile).toBe(user.profile);
  });
});

describe('omit', () => {
  it('drops the listed keys and keeps the rest, without touching the input', () => {
    const safe = omit(user, ['password', 'email']);
    expect(safe).toEqual({ id: 1, name: 'Ada', profile: { bio: 'math' } });
    expect(user.password).toBe('hunter2');
    expect(safe).not.toBe(user);
  });

  it('handles symbols, unknown keys and empty key lists', () => {
    const tag = Symbol('tag');
    const obj = { a: 1, [tag]: 'x' };
    expect(omit(obj, ['missing'])).toEqual(obj);
    expect(omit(obj, [tag])[tag]).toBeUndefined();
    expect(omit(obj, ['a'])[tag]).toBe('x');
    expect(omit({}, [])).toEqual({});
  });
});
