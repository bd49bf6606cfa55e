import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { tarArchive, type TarEntry } from './tar-archive.ts';

const directories: string[] = [];
afterEach(() => directories.splice(0).forEach((directory) => rmSync(directory, { recursive: true, force: true })));

function temporary() {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'kiln-tar-'));
  directories.push(directory);
  return directory;
}

async function archive(entries: TarEntry[]) {
  const chunks: Buffer[] = [];
  for await (const chunk of Readable.from(tarArchive(entries))) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('tarArchive', () => {
  it('writes files, host files, directories, symlinks and long names that GNU tar extracts', async () => {
    const source = temporary();
    writeFileSync(path.join(source, 'host.bin'), Buffer.alloc(1000, 7));
    const longDirectory = `${'d'.repeat(90)}/${'e'.repeat(90)}`;
    const veryLongName = `${'f'.repeat(120)}.txt`;
    const bytes = await archive([
      { type: 'directory', path: 'usr' },
      { type: 'directory', path: 'tmp', mode: 0o1777 },
      { type: 'file', path: '/usr/tool', content: Buffer.from('#!/bin/sh\n'), mode: 0o755 },
      { type: 'file', path: 'usr/host.bin', hostPath: path.join(source, 'host.bin'), size: 1000 },
      { type: 'symlink', path: 'bin', target: 'usr' },
      { type: 'directory', path: longDirectory },
      { type: 'file', path: `${longDirectory}/inside.txt`, content: Buffer.from('deep') },
      { type: 'file', path: veryLongName, content: Buffer.from('long') },
    ]);
    expect(bytes.length % 512).toBe(0);
    const target = temporary();
    execFileSync('tar', ['-x', '-C', target, '--no-same-owner'], { input: bytes });
    expect(readFileSync(path.join(target, 'usr/tool'), 'utf8')).toBe('#!/bin/sh\n');
    expect(statSync(path.join(target, 'usr/tool')).mode & 0o777).toBe(0o755);
    expect(statSync(path.join(target, 'tmp')).mode & 0o7777).toBe(0o1777);
    expect(readFileSync(path.join(target, 'usr/host.bin'))).toEqual(Buffer.alloc(1000, 7));
    expect(readlinkSync(path.join(target, 'bin'))).toBe('usr');
    expect(readFileSync(path.join(target, longDirectory, 'inside.txt'), 'utf8')).toBe('deep');
    expect(readFileSync(path.join(target, veryLongName), 'utf8')).toBe('long');
  });

  it('fails rather than archive a host file whose size changed', async () => {
    const source = temporary();
    writeFileSync(path.join(source, 'grown'), 'more than announced');
    const grown: TarEntry = { type: 'file', path: 'grown', hostPath: path.join(source, 'grown'), size: 4 };
    await expect(archive([grown])).rejects.toThrow(/changed size/);
  });
});
