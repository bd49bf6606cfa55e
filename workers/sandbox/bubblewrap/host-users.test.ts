import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HostUsers, sharedHostUsers, UidClaims } from './host-users.ts';

/** Claims in a folder of the test's own, so no Kiln process running beside the tests is involved. */
const claims = (directory = mkdtempSync(path.join(os.tmpdir(), 'kiln-uid-claims-'))) => new UidClaims(directory);
const root = { uid: 0, gid: 0 };

describe('HostUsers', () => {
  it('lends root a uid of the pool per run, and makes a run wait while all are lent', async () => {
    const users = new HostUsers(root, { first: 61_000, count: 2 }, claims());
    const first = await users.lend();
    const second = await users.lend();
    expect([first, second]).toEqual([
      { uid: 61_000, gid: 61_000, dedicated: true, firstLend: true },
      { uid: 61_001, gid: 61_001, dedicated: true, firstLend: true },
    ]);
    let third: number | undefined;
    const waiting = users.lend().then((user) => (third = user.uid));
    await Promise.resolve();
    expect(third).toBeUndefined();
    users.giveBack(second, true);
    expect(await waiting).toBe(61_001);
    expect(third).toBe(61_001);
  });

  it('never lends again a uid whose processes could not be killed', async () => {
    const users = new HostUsers(root, { first: 61_000, count: 2 }, claims());
    users.giveBack(await users.lend(), false);
    expect((await users.lend()).uid).toBe(61_001);
  });

  it('says when a uid is lent again, so that only its first run looks for what an earlier Kiln left', async () => {
    const users = new HostUsers(root, { first: 61_000, count: 1 }, claims());
    const first = await users.lend();
    users.giveBack(first, true);
    expect(await users.lend()).toMatchObject({ uid: 61_000, firstLend: false });
  });

  it('never lends a uid another Kiln process holds, and takes over the claim of one that died', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'kiln-uid-claims-'));
    const server = new HostUsers(root, { first: 61_000, count: 2 }, claims(folder));
    const worker = new HostUsers(root, { first: 61_000, count: 2 }, claims(folder));
    const held = await server.lend();
    expect((await worker.lend()).uid).toBe(61_001);
    let waited: number | undefined;
    const waiting = worker.lend().then((user) => (waited = user.uid));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(waited).toBeUndefined();
    server.giveBack(held, true);
    expect(await waiting).toBe(61_000);

    // A claim left by a process that no longer runs: taken over, and said so (its leftovers must be swept).
    const orphaned = mkdtempSync(path.join(os.tmpdir(), 'kiln-uid-claims-'));
    writeFileSync(path.join(orphaned, '61000.claim'), JSON.stringify({ pid: 999_999_999, startTime: '1' }));
    const after = new HostUsers(root, { first: 61_000, count: 1 }, claims(orphaned));
    expect(await after.lend()).toMatchObject({ uid: 61_000, firstLend: true });
  });

  it('lends a non-root Kiln its own uid, shared by every run', async () => {
    const users = new HostUsers({ uid: 1000, gid: 1000 }, { first: 61_000, count: 2 });
    const runs = await Promise.all([users.lend(), users.lend(), users.lend()]);
    expect(runs).toEqual(Array(3).fill({ uid: 1000, gid: 1000, dedicated: false, firstLend: false }));
  });

  it('is one per range in a process, so that two sandboxes never lend the same uid', () => {
    expect(sharedHostUsers({ first: 62_000, count: 4 })).toBe(sharedHostUsers({ first: 62_000, count: 4 }));
    expect(sharedHostUsers({ first: 62_000, count: 4 })).not.toBe(sharedHostUsers({ first: 62_100, count: 4 }));
  });
});
