import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { besideModule, modulePaths, requireFrom } from './pattern.ts';

describe('modulePaths', () => {
  it("gives this module's own file and folder", () => {
    const { filename, dirname } = modulePaths(import.meta);
    expect(filename.endsWith(`esm-module-paths${sep}pattern.test.ts`)).toBe(true);
    expect(dirname.endsWith(`${sep}esm-module-paths`)).toBe(true);
  });

  it('derives them from the URL when import.meta has no dirname (Node before 20.11)', () => {
    expect(modulePaths({ url: 'file:///srv/app/src/server.js' })).toEqual({ filename: '/srv/app/src/server.js', dirname: '/srv/app/src' });
    expect(modulePaths({ url: 'file:///srv/my%20app/x.js' }).dirname).toBe('/srv/my app');
  });

  it('rejects a URL that is not a file', () => {
    expect(() => modulePaths({ url: 'https://example.com/x.js' })).toThrow(TypeError);
  });
});

describe('besideModule', () => {
  it('resolves a sibling file independently of the working directory', () => {
    const path = besideModule(import.meta, 'pattern.json');
    expect(existsSync(path)).toBe(true);
    const cwd = process.cwd();
    process.chdir(sep);
    try {
      expect(besideModule(import.meta, 'pattern.json')).toBe(path);
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('requireFrom', () => {
  it('loads a JSON file relative to the module', () => {
    expect(requireFrom(import.meta)('./pattern.json').id).toBe('ts-esm-module-paths');
  });
});
