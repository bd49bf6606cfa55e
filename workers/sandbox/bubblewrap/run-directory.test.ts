import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkedFileName, createRunDirectory } from './run-directory.ts';

describe('checkedFileName', () => {
  it('accepts relative paths inside the work dir, normalized', () => {
    expect(checkedFileName('main.py')).toBe('main.py');
    expect(checkedFileName('lib/./util.py')).toBe('lib/util.py');
    expect(checkedFileName('lib/../main.py')).toBe('main.py');
  });

  it.each(['', '.', '..', '../x', 'lib/../../x', '/etc/passwd', 'folder/', 'a\0b'])('refuses %j', (name) => {
    expect(() => checkedFileName(name)).toThrow(/not a path inside the work dir/);
  });
});

describe('createRunDirectory', () => {
  const owner = { uid: process.getuid!(), gid: process.getgid!() };

  it('writes the files, passwd and group into a private folder, and removes it', async () => {
    const directory = await createRunDirectory(os.tmpdir(), { 'main.py': 'print(1)', 'lib/util.py': 'x = 1' }, owner);
    try {
      expect(directory.hasFiles).toBe(true);
      expect((await stat(directory.path)).mode & 0o777).toBe(0o700);
      expect(await readFile(path.join(directory.path, 'files/lib/util.py'), 'utf8')).toBe('x = 1');
      expect(await readFile(path.join(directory.path, 'passwd'), 'utf8')).toMatch(/^sandbox:x:65534:65534:/);
    } finally {
      await directory.remove();
    }
    expect(existsSync(directory.path)).toBe(false);
  });

  it('leaves nothing behind when a file name is refused', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'kiln-root-'));
    try {
      await expect(createRunDirectory(root, { 'ok.txt': '', '../escape.txt': '' }, owner)).rejects.toThrow();
      expect(await readdir(root)).toEqual([]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
