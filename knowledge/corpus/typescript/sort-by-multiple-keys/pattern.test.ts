import { describe, it, expect } from 'vitest';
import { compareBy, sortBy } from './pattern.ts';

interface Employee {
  name: string;
  team: string;
  salary: number;
  hired?: Date | null;
}

const staff: Employee[] = [
  { name: 'Dee', team: 'ops', salary: 70, hired: new Date('2021-01-01') },
  { name: 'Ann', team: 'dev', salary: 90, hired: new Date('2020-05-01') },
  { name: 'Cal', team: 'dev', salary: 90, hired: null },
  { name: 'Bob', team: 'dev', salary: 80, hired: new Date('2019-03-01') },
  { name: 'Eve', team: 'ops', salary: 70 },
];

describe('sortBy', () => {
  it('sorts by the first key, then the next on ties', () => {
    const sorted = sortBy(staff, (e) => e.team, { by: (e) => e.salary, order: 'desc' }, (e) => e.name);
    expect(sorted.map((e) => e.name)).toEqual(['Ann', 'Cal', 'Bob', 'Dee', 'Eve']);
  });

  it('does not mutate the input and is stable', () => {
    const before = staff.map((e) => e.name);
    const sorted = sortBy(staff, (e) => e.team);
    expect(staff.map((e) => e.name)).toEqual(before);
    expect(sorted.map((e) => e.name)).toEqual(['Ann', 'Cal', 'Bob', 'Dee', 'Eve']);
  });

  it('puts missing values last in either direction and compares dates by time', () => {
    expect(sortBy(staff, (e) => e.hired).map((e) => e.name)).toEqual(['Bob', 'Ann', 'Dee', 'Cal', 'Eve']);
    expect(sortBy(staff, { by: (e) => e.hired, order: 'desc' }).map((e) => e.name)).toEqual(['Dee', 'Ann', 'Bob', 'Cal', 'Eve']);
  });

  it('sorts numbers numerically and strings naturally', () => {
    expect(sortBy([10, 9, 100, 1], (n) => n)).toEqual([1, 9, 10, 100]);
    expect(sortBy(['file10', 'file2', 'File1'], (s) => s)).toEqual(['File1', 'file2', 'file10']);
    expect(sortBy(['é', 'f', 'e'], (s) => s)).toEqual(['e', 'é', 'f']);
  });

  it('handles empty input and no keys', () => {
    expect(sortBy([], (n: number) => n)).toEqual([]);
    expect(sortBy([3, 1, 2])).toEqual([3, 1, 2]);
  });
});

describe('compareBy', () => {
  it('works with Array.prototype.sort directly', () => {
    const rows = [{ a: 1, b: 'y' }, { a: 0, b: 'z' }, { a: 1, b: 'x' }];
    rows.sort(compareBy((r) => r.a, (r) => r.b));
    expect(rows).toEqual([{ a: 0, b: 'z' }, { a: 1, b: 'x' }, { a: 1, b: 'y' }]);
  });
});
