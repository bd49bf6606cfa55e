import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * A fresh folder under the system temp dir, readable by other users like a normal checkout (mkdtemp makes it
 * 0700, which as root would send the embedded Postgres to its fallback location). `remove` deletes it: call it
 * after stopping what ran in it.
 */
export async function temporaryDirectory(prefix: string, mode = 0o755) {
  const directory = await mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
  await chmod(directory, mode);
  return { path: directory, remove: () => rm(directory, { recursive: true, force: true }) };
}
