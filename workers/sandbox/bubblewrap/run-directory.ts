import { chown, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SandboxUnavailableError } from '../sandbox.ts';
import { sandboxUid, workDirectory } from './bubblewrap-arguments.ts';

export interface RunDirectory {
  path: string;
  hasFiles: boolean;
  remove(): Promise<void>;
}

/**
 * The host folder of one run, under `root`: `files/` with the execution's files, and the `passwd` and `group` the
 * sandbox sees. It is only ever bound read-only (the program works on a copy in its tmpfs), so nothing a run
 * writes reaches the host. Mode 0700, owned by the run's host user, whose bwrap must read it. Throws for a file
 * name outside the work dir before creating anything; a `root` it cannot create folders in makes the sandbox
 * unavailable.
 */
export async function createRunDirectory(
  root: string,
  files: Record<string, string>,
  owner: { uid: number; gid: number },
): Promise<RunDirectory> {
  const named = Object.entries(files).map(([name, content]) => [checkedFileName(name), content] as const);
  let directory: string;
  try {
    directory = await mkdtemp(path.join(root, 'kiln-run-'));
  } catch (error) {
    throw new SandboxUnavailableError(`cannot create a run folder in ${root}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    const filesDirectory = path.join(directory, 'files');
    await mkdir(filesDirectory);
    for (const [name, content] of named) {
      const target = path.join(filesDirectory, name);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content);
    }
    const passwd = `sandbox:x:${sandboxUid}:${sandboxUid}:Kiln sandbox:${workDirectory}:/bin/sh\n`;
    await writeFile(path.join(directory, 'passwd'), passwd);
    await writeFile(path.join(directory, 'group'), `sandbox:x:${sandboxUid}:\n`);
    if (owner.uid !== process.getuid?.()) await chownTree(directory, owner);
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  return {
    path: directory,
    hasFiles: named.length > 0,
    remove: () => rm(directory, { recursive: true, force: true }),
  };
}

/** `name` as a relative path inside the work dir; throws for one that is absolute, empty or climbs out. */
export function checkedFileName(name: string): string {
  const normalized = path.posix.normalize(name);
  if (
    name.includes('\0') ||
    path.posix.isAbsolute(name) ||
    normalized === '.' ||
    normalized === '..' ||
    normalized.startsWith('../') ||
    normalized.endsWith('/')
  ) {
    throw new Error(`the file name ${JSON.stringify(name)} is not a path inside the work dir`);
  }
  return normalized;
}

async function chownTree(directory: string, owner: { uid: number; gid: number }) {
  await chown(directory, owner.uid, owner.gid);
  for (const entry of await readdir(directory, { withFileTypes: true, recursive: true })) {
    await chown(path.join(entry.parentPath, entry.name), owner.uid, owner.gid);
  }
}
