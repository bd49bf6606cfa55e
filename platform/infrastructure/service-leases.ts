import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isProcessAlive, processIdentity, type ProcessIdentity } from './process-identity.ts';

/**
 * Which live processes are using the embedded services of one data directory.
 * Each process holds a lease while it runs; the last one to leave stops the
 * services. Leases of processes that died without leaving are ignored and
 * swept. Callers hold the data directory's lock around these calls.
 */
export class ServiceLeases {
  constructor(private readonly directory: string) {}

  async take(): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    await writeFile(this.leasePath(process.pid), JSON.stringify(processIdentity(process.pid)));
  }

  async release(): Promise<void> {
    await rm(this.leasePath(process.pid), { force: true });
  }

  /** Live holders other than this process; dead holders' leases are deleted on the way. */
  async otherLiveHolders(): Promise<ProcessIdentity[]> {
    let names: string[];
    try {
      names = await readdir(this.directory);
    } catch {
      return [];
    }
    const live: ProcessIdentity[] = [];
    for (const name of names) {
      const file = path.join(this.directory, name);
      const holder = await readFile(file, 'utf8')
        .then((text) => JSON.parse(text) as ProcessIdentity)
        .catch(() => undefined);
      if (holder && isProcessAlive(holder)) {
        if (holder.pid !== process.pid) live.push(holder);
      } else {
        await rm(file, { force: true });
      }
    }
    return live;
  }

  private leasePath(pid: number) {
    return path.join(this.directory, `${pid}.json`);
  }
}
