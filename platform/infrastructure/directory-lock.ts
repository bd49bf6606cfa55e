import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { isProcessAlive, processIdentity, type ProcessIdentity } from './process-identity.ts';

/**
 * A lock shared by every Kiln process using one data directory, built on the
 * atomicity of `mkdir`. A lock whose holder died (even by SIGKILL) is taken
 * over, so no manual cleanup is ever needed.
 */
export async function withDirectoryLock<T>(
  lockPath: string,
  work: () => Promise<T>,
  options: { timeoutMs?: number; onWait?: (holder: ProcessIdentity | undefined) => void } = {},
): Promise<T> {
  await acquire(lockPath, options.timeoutMs ?? 120_000, options.onWait);
  try {
    return await work();
  } finally {
    await rm(lockPath, { recursive: true, force: true });
  }
}

const ownerFile = (lockPath: string) => path.join(lockPath, 'owner.json');
/** A lock directory with no owner file yet is fresh for this long; after that its creator is assumed dead. */
const ownerlessGraceMs = 5_000;

async function acquire(lockPath: string, timeoutMs: number, onWait?: (holder: ProcessIdentity | undefined) => void) {
  await mkdir(path.dirname(lockPath), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    try {
      await mkdir(lockPath);
      await writeFile(ownerFile(lockPath), JSON.stringify(processIdentity(process.pid)));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readOwner(lockPath);
    if (holder ? !isProcessAlive(holder) : await isOwnerlessAndOld(lockPath)) {
      await rm(lockPath, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${lockPath} (held by pid ${holder?.pid ?? 'unknown'})`,
      );
    }
    if (!told) {
      onWait?.(holder);
      told = true;
    }
    await delay(100);
  }
}

async function readOwner(lockPath: string): Promise<ProcessIdentity | undefined> {
  try {
    return JSON.parse(await readFile(ownerFile(lockPath), 'utf8')) as ProcessIdentity;
  } catch {
    return undefined;
  }
}

async function isOwnerlessAndOld(lockPath: string): Promise<boolean> {
  try {
    return Date.now() - (await stat(lockPath)).mtimeMs > ownerlessGraceMs;
  } catch {
    return false;
  }
}
