import { beforeAll, describe, expect, it } from 'vitest';
import type { TarEntry } from './tar-archive.ts';
import { sandboxRootFilesystem } from './sandbox-root-filesystem.ts';

describe('sandboxRootFilesystem', () => {
  let entries: TarEntry[];
  // Reads this host's files and asks ldd about ~80 programs and modules: seconds, so once.
  beforeAll(async () => {
    entries = await sandboxRootFilesystem();
  }, 60_000);

  it('holds the runtimes, the libraries and loader they need, and an /etc without shadow', () => {
    const paths = new Set(entries.map((entry) => entry.path));
    for (const program of ['node', 'python3', 'sh', 'bash', 'head', 'env']) {
      expect(paths).toContain(`usr/bin/${program}`);
    }
    expect(paths).toContain('usr/lib64/ld-linux-x86-64.so.2');
    expect([...paths].some((path) => /^usr\/lib\/python3\.\d+\/os\.py$/.test(path))).toBe(true);
    expect([...paths].some((path) => /\/libc\.so\.6$/.test(path))).toBe(true);
    expect(paths).toContain('etc/passwd');
    expect(paths).not.toContain('etc/shadow');
    expect(entries.find((entry) => entry.path === 'bin')).toEqual({ type: 'symlink', path: 'bin', target: 'usr/bin' });
  });

  it('lists every directory before what it holds', () => {
    const seen = new Set<string>(['']);
    for (const entry of entries) {
      const parent = entry.path.includes('/') ? entry.path.slice(0, entry.path.lastIndexOf('/')) : '';
      expect(seen, entry.path).toContain(parent);
      seen.add(entry.path);
    }
  });
});
