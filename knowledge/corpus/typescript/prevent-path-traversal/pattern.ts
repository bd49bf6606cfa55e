import { realpath } from 'node:fs/promises';
import path from 'node:path';

export class PathTraversalError extends Error {
  override name = 'PathTraversalError';
}

/**
 * Resolves a user-supplied relative path (an upload name, a `?file=` parameter, an archive entry)
 * inside `root`, and throws if the result would escape it: `../`, absolute paths, NUL bytes.
 *
 * Decode URL escapes (`%2e%2e%2f`) before calling. `startsWith(root)` is not enough: `/srv/app-secrets`
 * starts with `/srv/app`, hence the `path.relative` check.
 */
export function resolveInside(root: string, userPath: string): string {
  if (userPath.includes('\0')) throw new PathTraversalError('path contains a NUL byte');
  const base = path.resolve(root);
  const target = path.resolve(base, userPath);
  const relative = path.relative(base, target);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    throw new PathTraversalError(`path escapes ${base}: ${userPath}`);
  }
  return target;
}

/**
 * Like `resolveInside`, but also follows symlinks of an existing file, so a link inside `root`
 * pointing at `/etc/passwd` is refused too. Throws ENOENT if the file does not exist.
 */
export async function resolveExistingInside(root: string, userPath: string): Promise<string> {
  const realRoot = await realpath(root);
  const real = await realpath(resolveInside(realRoot, userPath));
  return resolveInside(realRoot, path.relative(realRoot, real));
}
