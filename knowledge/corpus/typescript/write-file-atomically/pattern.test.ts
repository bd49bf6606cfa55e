import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './pattern.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'atomic-write-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates a file and replaces an existing one, leaving no temp files', async () => {
    const file = path.join(dir, 'settings.json');
    await writeFileAtomic(file, '{"v":1}');
    await writeFileAtomic(file, Buffer.from('{"v":2}'));
    expect(await readFile(file, 'utf8')).toBe('{"v":2}');
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('applies the mode to a new file', async () => {
    if (process.platform === 'win32') return;
    const file = path.join(dir, 'secret');
    await writeFileAtomic(file, 'token', { mode: 0o600 });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('keeps the old contents and cleans up when the rename fails', async () => {
    const target = path.join(dir, 'target');
    await mkdir(target);
    await writeFile(path.join(target, 'inside'), 'x'); // rename() cannot replace a non-empty directory
    await expect(writeFileAtomic(target, 'data')).rejects.toMatchObject({ code: expect.stringMatching(/EISDIR|ENOTEMPTY|EEXIST|EPERM/) });
    expect((await readdir(dir)).sort()).toEqual(['target']);
  });

  it('fails cleanly when the directory does not exist', async () => {
    await expect(writeFileAtomic(path.join(dir, 'missing', 'file'), 'data')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('never exposes a torn file to concurrent writers', async () => {
    const file = path.join(dir, 'race.txt');
    const versions = Array.from({ length: 20 }, (_, i) => String(i).repeat(50_000));
    await Promise.all(versions.map((version) => writeFileAtomic(file, version, { durable: false })));
    expect(versions).toContain(await readFile(file, 'utf8'));
    expect(await readdir(dir)).toEqual(['race.txt']);
  });
});
