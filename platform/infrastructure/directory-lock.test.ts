import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withDirectoryLock } from './directory-lock.ts';
import { processIdentity } from './process-identity.ts';
import { ServiceLeases } from './service-leases.ts';

/** The identity of a process that has exited: its pid is no longer alive. */
function deadProcessIdentity() {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return { pid: Number(child.stdout.toString()), startTime: 'gone' };
}

describe('withDirectoryLock', () => {
  it('lets one holder in at a time', async () => {
    const lockPath = path.join(await mkdtemp(path.join(os.tmpdir(), 'kiln-lock-')), 'lock');
    const events: string[] = [];
    const holder = (name: string) =>
      withDirectoryLock(lockPath, async () => {
        events.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, 30));
        events.push(`${name} out`);
      });
    await Promise.all([holder('a'), holder('b')]);
    expect(events).toEqual(expect.arrayContaining(['a in', 'a out', 'b in', 'b out']));
    expect(events[1]).toBe(`${events[0]!.split(' ')[0]} out`);
  });

  it('takes over a lock whose holder died (no manual cleanup after a SIGKILL)', async () => {
    const lockPath = path.join(await mkdtemp(path.join(os.tmpdir(), 'kiln-lock-')), 'lock');
    await mkdir(lockPath);
    await writeFile(path.join(lockPath, 'owner.json'), JSON.stringify(deadProcessIdentity()));
    await expect(withDirectoryLock(lockPath, async () => 'acquired', { timeoutMs: 2_000 })).resolves.toBe('acquired');
  });

  it('times out with the holder named when a live process keeps it', async () => {
    const lockPath = path.join(await mkdtemp(path.join(os.tmpdir(), 'kiln-lock-')), 'lock');
    await mkdir(lockPath);
    await writeFile(path.join(lockPath, 'owner.json'), JSON.stringify(processIdentity(process.ppid)));
    await expect(withDirectoryLock(lockPath, async () => 'acquired', { timeoutMs: 300 })).rejects.toThrow(
      `held by pid ${process.ppid}`,
    );
  });
});

describe('ServiceLeases', () => {
  it('counts live holders other than this process and sweeps the leases of dead ones', async () => {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'kiln-leases-'));
    const leases = new ServiceLeases(directory);
    await leases.take();
    const dead = deadProcessIdentity();
    await writeFile(path.join(directory, `${dead.pid}.json`), JSON.stringify(dead));
    await writeFile(path.join(directory, `${process.ppid}.json`), JSON.stringify(processIdentity(process.ppid)));

    expect(await leases.otherLiveHolders()).toEqual([processIdentity(process.ppid)]);
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(directory)).sort()).toEqual([`${process.pid}.json`, `${process.ppid}.json`].sort());
    await leases.release();
    expect(await readdir(directory)).toEqual([`${process.ppid}.json`]);
  });
});
