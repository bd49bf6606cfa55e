import { lstatSync, readlinkSync } from 'node:fs';

/** A top-level system path of the host as a run sees it: a symlink into /usr, or a read-only bind. */
export interface SystemPath {
  path: string;
  /** Set on merged-/usr systems (Debian 12: `/lib` → `usr/lib`); the sandbox gets the same symlink. */
  symlinkTo?: string;
}

const candidates = ['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32'];

/**
 * How /bin, /sbin and the /lib folders look on this host. /usr itself is always bound read-only; these are
 * symlinks into it on merged-/usr systems, or real folders (bound read-only) on older ones.
 */
export function hostSystemPaths(): SystemPath[] {
  const paths: SystemPath[] = [];
  for (const candidate of candidates) {
    try {
      const stats = lstatSync(candidate);
      if (stats.isSymbolicLink()) paths.push({ path: candidate, symlinkTo: readlinkSync(candidate) });
      else if (stats.isDirectory()) paths.push({ path: candidate });
    } catch {
      // not on this host
    }
  }
  return paths;
}
