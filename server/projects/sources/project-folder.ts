import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { ValidationError } from '../../errors/validation-error.ts';

/**
 * Resolves a server folder a user asked to bring in as a project: it must be an absolute path to an existing directory
 * whose real path (symlinks followed) lies inside one of `roots`. Returns that real path; otherwise throws a
 * ValidationError naming the allowed roots.
 */
export async function resolveProjectFolder(requested: string, roots: string[]): Promise<string> {
  if (roots.length === 0) {
    throw new ValidationError(
      'Folder sources are off on this server: set KILN_PROJECT_ROOTS to the folders projects may read.',
    );
  }
  const refuse = (problem: string) =>
    new ValidationError(`${problem} Projects may read folders inside: ${roots.join(', ')}.`);
  if (!path.isAbsolute(requested)) throw refuse(`The folder "${requested}" is not an absolute path.`);
  let real: string;
  try {
    real = await realpath(requested);
  } catch {
    throw refuse(`The folder ${requested} does not exist.`);
  }
  if (!(await stat(real)).isDirectory()) throw refuse(`${requested} is not a folder.`);
  for (const root of roots) {
    const realRoot = await realpath(root).catch(() => path.resolve(root));
    if (isInsideFolder(realRoot, real)) return real;
  }
  throw refuse(`The folder ${requested} is outside the allowed folders.`);
}

/** Whether `candidate` is `folder` or lies beneath it, by path components (so /srv/a-evil is not inside /srv/a). */
export function isInsideFolder(folder: string, candidate: string): boolean {
  const relative = path.relative(folder, candidate);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
