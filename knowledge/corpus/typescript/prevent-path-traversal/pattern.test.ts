import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { PathTraversalError, resolveExistingInside, resolveInside } from './pattern.ts';

const root = '/srv/uploads';

describe('resolveInside', () => {
  it('resolves ordinary relative paths inside the root', () => {
    expect(resolveInside(root, 'avatar.png')).toBe('/srv/uploads/avatar.png');
    expect(resolveInside(root, 'users/42/./avatar.png')).toBe('/srv/uploads/users/42/avatar.png');
    expect(resolveInside(root, 'a/../b.txt')).toBe('/srv/uploads/b.txt');
    expect(resolveInside(root, '..hidden')).toBe('/srv/uploads/..hidden');
    expect(resolveInside(root, '')).toBe('/srv/uploads');
  });

  it('refuses paths that climb out of the root', () => {
    for (const bad of ['../etc/passwd', '../../../../etc/passwd', 'a/../../x', '..', 'users/../../uploads-other/x']) {
      expect(() => resolveInside(root, bad)).toThrow(PathTraversalError);
    }
  });

  it('refuses a sibling directory that merely shares the prefix', () => {
    expect(() => resolveInside(root, '../uploads-secrets/key.pem')).toThrow(PathTraversalError);
  });

  it('refuses absolute paths and NUL bytes', () => {
    expect(() => resolveInside(root, '/etc/passwd')).toThrow(PathTraversalError);
    expect(() => resolveInside(root, 'image.png\0.txt')).toThrow(/NUL/);
  });
});

describe('resolveExistingInside', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'traversal-'));
    await mkdir(path.join(dir, 'root'));
    await writeFile(path.join(dir, 'root', 'ok.txt'), 'ok');
    await writeFile(path.join(dir, 'secret.txt'), 'secret');
    await symlink(path.join(dir, 'secret.txt'), path.join(dir, 'root', 'link.txt'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('returns the real path of a file inside the root', async () => {
    await expect(resolveExistingInside(path.join(dir, 'root'), 'ok.txt')).resolves.toMatch(/root[/\\]ok\.txt$/);
  });

  it('refuses a symlink that points outside the root', async () => {
    await expect(resolveExistingInside(path.join(dir, 'root'), 'link.txt')).rejects.toThrow(PathTraversalError);
  });

  it('rejects missing files', async () => {
    await expect(resolveExistingInside(path.join(dir, 'root'), 'nope.txt')).rejects.toThrow(/ENOENT/);
  });
});
