import { describe, expect, it } from 'vitest';
import { hideRootPaths } from './hide-root-paths.ts';

describe('hideRootPaths', () => {
  const roots = ['/root/.kiln/workspace', '/home/ana/projects/'];

  it('shows paths under a root from the root’s own name', () => {
    expect(hideRootPaths("ENOENT: no such file or directory, open '/root/.kiln/workspace/notes.md'", roots)).toBe(
      "ENOENT: no such file or directory, open 'workspace/notes.md'",
    );
    expect(
      hideRootPaths(
        'Access denied - path outside allowed directories: /etc/passwd not in /root/.kiln/workspace, /home/ana/projects',
        roots,
      ),
    ).toBe('Access denied - path outside allowed directories: /etc/passwd not in workspace, projects');
  });

  it('prefers the longest root and leaves names that only start like a root', () => {
    expect(hideRootPaths('/srv/a/b/c.txt and /srv/a2/x', ['/srv/a', '/srv/a/b'])).toBe('b/c.txt and /srv/a2/x');
    expect(hideRootPaths('nothing to hide', roots)).toBe('nothing to hide');
  });
});
