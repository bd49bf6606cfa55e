import { describe, it, expect } from 'vitest';
import { indexBy, groupBy } from './pattern.js';

const users = [
  { id: 1, name: 'Ada', team: 'core' },
  { id: 2, name: 'Brendan', team: 'web' },
  { id: 3, name: 'Grace', team: 'core' },
];

describe('indexBy', () => {
  it('maps each key to its item, by property name or function', () => {
    const byId = indexBy(users, 'id');
    expect(byId.get(2)).toBe(users[1]);
    expect(byId.get('2')).toBeUndefined(); // keys keep their type, unlike object keys
    expect([...byId.keys()]).toEqual([1, 2, 3]);
    const byName = indexBy(users, (user) => user.name.toLowerCase());
    expect(byName.get('grace')).toBe(users[2]);
  });

  it('keeps the last duplicate by default, or the first, or throws', () => {
    const rows = [{ k: 'a', v: 1 }, { k: 'a', v: 2 }];
    expect(indexBy(rows, 'k').get('a')?.v).toBe(2);
    expect(indexBy(rows, 'k', { onDuplicate: 'first' }).get('a')?.v).toBe(1);
    expect(() => indexBy(rows, 'k', { onDuplicate: 'throw' })).toThrow('Duplicate key: a');
  });

  it('handles empty input, any iterable, and awkward keys', () => {
    expect(indexBy([], 'id').size).toBe(0);
    const fromSet = indexBy(new Set(['x', 'yy']), (s) => s.length);
    expect(fromSet.get(2)).toBe('yy');
    const odd = indexBy([{ k: '__proto__' }], 'k');
    expect(odd.get('__proto__')).toEqual({ k: '__proto__' });
    expect(indexBy(['a', 'b'], (_, i) => i).get(1)).toBe('b');
  });
});

describe('groupBy', () => {
  it('collects every item per key, in input order', () => {
    const byTeam = groupBy(users, 'team');
    expect(byTeam.get('core')?.map((u) => u.name)).toEqual(['Ada', 'Grace']);
    expect(byTeam.get('web')).toEqual([users[1]]);
    expect(byTeam.size).toBe(2);
    expect(groupBy([], 'team').size).toBe(0);
  });
});
