import { describe, expect, it } from 'vitest';
import { compareSemver, parseSemver, sortSemver } from './pattern.ts';

describe('parseSemver', () => {
  it('parses all parts', () => {
    expect(parseSemver('v1.20.3-beta.1+build.5')).toEqual({ major: 1, minor: 20, patch: 3, prerelease: ['beta', '1'], build: ['build', '5'] });
    expect(parseSemver('0.0.0')).toEqual({ major: 0, minor: 0, patch: 0, prerelease: [], build: [] });
  });

  it('rejects invalid versions', () => {
    for (const bad of ['1.2', '1', '^1.2.3', '01.2.3', '1.2.3-01', '1.2.3-', '1.2.3+', 'a.b.c', '1.2.3.4', '']) {
      expect(() => parseSemver(bad), bad).toThrow(TypeError);
    }
    expect(() => parseSemver('99999999999999999.0.0')).toThrow(RangeError);
  });
});

describe('compareSemver', () => {
  it('compares numerically, not as strings', () => {
    expect(compareSemver('1.10.0', '1.9.0')).toBe(1);
    expect('1.10.0' < '1.9.0').toBe(true);
    expect(compareSemver('2.0.0', '10.0.0')).toBe(-1);
    expect(compareSemver('1.2.3', 'v1.2.3')).toBe(0);
  });

  it('ranks pre-releases below their release', () => {
    expect(compareSemver('1.0.0-rc.1', '1.0.0')).toBe(-1);
    expect(compareSemver('1.0.0', '1.0.0-rc.1')).toBe(1);
    expect(compareSemver('1.0.0-rc.1', '0.9.9')).toBe(1);
  });

  it('ignores build metadata', () => {
    expect(compareSemver('1.0.0+abc', '1.0.0+xyz')).toBe(0);
  });

  it('compares long numeric pre-release identifiers exactly', () => {
    expect(compareSemver('1.0.0-12345678901234567890', '1.0.0-12345678901234567891')).toBe(-1);
  });

  it('sorts in the order given by the SemVer specification', () => {
    const ordered = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0'];
    const shuffled = [ordered[5], ordered[7], ordered[0], ordered[3], ordered[6], ordered[1], ordered[4], ordered[2]] as string[];
    expect(sortSemver(shuffled)).toEqual(ordered);
    expect(shuffled[0]).toBe('1.0.0-beta.11');
  });
});
