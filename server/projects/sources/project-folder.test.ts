import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors/validation-error.ts';
import { isInsideFolder, resolveProjectFolder } from './project-folder.ts';

let work: string;
let root: string;

beforeAll(async () => {
  work = await realpath(await mkdtemp(path.join(os.tmpdir(), 'kiln-folder-')));
  root = path.join(work, 'projects');
  await mkdir(path.join(root, 'app', 'src'), { recursive: true });
  await mkdir(path.join(root, '..hidden'), { recursive: true });
  await mkdir(path.join(work, 'projects-evil'), { recursive: true });
  await mkdir(path.join(work, 'secrets'), { recursive: true });
  await writeFile(path.join(root, 'notes.txt'), 'a file');
  await symlink(path.join(work, 'secrets'), path.join(root, 'link-out'));
  await symlink(path.join(root, 'app'), path.join(work, 'link-in'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('resolveProjectFolder', () => {
  it('returns the real path of a folder inside a root', async () => {
    expect(await resolveProjectFolder(path.join(root, 'app'), [root])).toBe(path.join(root, 'app'));
    expect(await resolveProjectFolder(path.join(root, 'app', 'src', '..'), [root])).toBe(path.join(root, 'app'));
    expect(await resolveProjectFolder(root, [path.join(work, 'other'), root])).toBe(root);
    expect(await resolveProjectFolder(path.join(root, '..hidden'), [root])).toBe(path.join(root, '..hidden'));
  });

  it('follows symlinks before deciding: a link into a root is fine, a link out of it is not', async () => {
    expect(await resolveProjectFolder(path.join(work, 'link-in'), [root])).toBe(path.join(root, 'app'));
    await expect(resolveProjectFolder(path.join(root, 'link-out'), [root])).rejects.toThrow(
      `The folder ${path.join(root, 'link-out')} is outside the allowed folders. Projects may read folders inside: ${root}.`,
    );
  });

  it('compares by path, not string prefix', async () => {
    await expect(resolveProjectFolder(path.join(work, 'projects-evil'), [root])).rejects.toThrow(
      /is outside the allowed folders/,
    );
  });

  it('says folder sources are off when there are no roots', async () => {
    await expect(resolveProjectFolder(path.join(root, 'app'), [])).rejects.toThrow(
      new ValidationError(
        'Folder sources are off on this server: set KILN_PROJECT_ROOTS to the folders projects may read.',
      ),
    );
  });

  it.each([
    ['a relative path', () => 'projects/app', 'is not an absolute path'],
    ['a missing folder', () => path.join(root, 'missing'), 'does not exist'],
    ['a file', () => path.join(root, 'notes.txt'), 'is not a folder'],
    ['a path climbing out', () => path.join(root, '..', 'secrets'), 'is outside the allowed folders'],
  ])('refuses %s, naming the allowed roots', async (_case, requested, problem) => {
    const refusal = resolveProjectFolder(requested(), [root]);

    await expect(refusal).rejects.toBeInstanceOf(ValidationError);
    await expect(refusal).rejects.toThrow(problem);
    await expect(refusal).rejects.toThrow(`Projects may read folders inside: ${root}.`);
  });
});

describe('isInsideFolder', () => {
  it.each([
    ['/srv/a', '/srv/a', true],
    ['/srv/a', '/srv/a/b/c', true],
    ['/srv/a', '/srv/a/..b', true],
    ['/srv/a', '/srv/a-evil', false],
    ['/srv/a', '/srv', false],
    ['/srv/a', '/etc/passwd', false],
  ])('%s holds %s: %s', (folder, candidate, inside) => {
    expect(isInsideFolder(folder, candidate)).toBe(inside);
  });
});
