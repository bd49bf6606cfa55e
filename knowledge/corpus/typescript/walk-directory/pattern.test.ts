import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles, walk } from './pattern.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'walk-'));
  const files = ['a.ts', 'src/b.ts', 'src/deep/c.md', 'src/deep/deeper/d.ts', 'node_modules/pkg/index.js', '.git/HEAD', 'empty/.keep'];
  for (const file of files) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), file);
  }
  await mkdir(path.join(root, 'really-empty'));
  if (process.platform !== 'win32') {
    await symlink(root, path.join(root, 'src', 'loop')); // a cycle back to the root
    await symlink(path.join(root, 'a.ts'), path.join(root, 'link-to-a.ts'));
  }
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('walk', () => {
  it('finds nested files, skipping node_modules, .git and symlinks', async () => {
    expect(await listFiles(root)).toEqual(['a.ts', 'empty/.keep', 'src/b.ts', 'src/deep/c.md', 'src/deep/deeper/d.ts']);
  });

  it('takes a custom skip set and a filter', async () => {
    const files = await listFiles(root, { skip: new Set(['deep', '.git']), filter: (file) => file.endsWith('.js') || file.endsWith('.ts') });
    expect(files).toEqual(['a.ts', 'node_modules/pkg/index.js', 'src/b.ts']);
  });

  it('yields paths joined onto the root and can stop early', async () => {
    let first: string | undefined;
    for await (const file of walk(root)) {
      first = file;
      break;
    }
    expect(first?.startsWith(root + path.sep)).toBe(true);
  });

  it('rejects for a missing root', async () => {
    await expect(listFiles(path.join(root, 'nope'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
