import { existsSync } from 'node:fs';
import { readdir, readFile, realpath } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempDir, withTempDir, type TempDir } from './pattern.ts';

describe('createTempDir in beforeEach/afterEach', () => {
  let dir: TempDir;
  beforeEach(async () => {
    dir = await createTempDir('fixture-');
  });
  afterEach(async () => {
    await dir.remove();
  });

  it('is a new, empty folder under the real temp dir', async () => {
    expect(dir.path.startsWith(await realpath(tmpdir()))).toBe(true);
    expect(path.basename(dir.path)).toMatch(/^fixture-/);
    expect(await readdir(dir.path)).toEqual([]);
  });

  it('writes nested fixture files', async () => {
    await dir.write({ 'package.json': '{"name":"x"}', 'src/deep/index.ts': 'export {};' });
    expect(await readFile(dir.resolve('src/deep/index.ts'), 'utf8')).toBe('export {};');
    expect((await readdir(dir.path)).sort()).toEqual(['package.json', 'src']);
  });

  it('refuses paths that escape the folder', async () => {
    expect(() => dir.resolve('../outside.txt')).toThrow(/escapes/);
    await expect(dir.write({ '../../evil': 'x' })).rejects.toThrow(/escapes/);
  });
});

describe('withTempDir', () => {
  it('gives each call its own folder and removes it afterwards', async () => {
    const [a, b] = await Promise.all([withTempDir(async (dir) => dir.path), withTempDir(async (dir) => dir.path)]);
    expect(a).not.toBe(b);
    expect(existsSync(a)).toBe(false);
    expect(existsSync(b)).toBe(false);
  });

  it('removes the folder even when the callback throws', async () => {
    let seen = '';
    await expect(
      withTempDir(async (dir) => {
        seen = dir.path;
        await dir.write({ 'a.txt': 'a' });
        throw new Error('test failed');
      }),
    ).rejects.toThrow('test failed');
    expect(seen).not.toBe('');
    expect(existsSync(seen)).toBe(false);
  });

  it('allows remove() to be called twice', async () => {
    const dir = await createTempDir();
    await dir.remove();
    await expect(dir.remove()).resolves.toBeUndefined();
  });
});
