import { describe, expect, it } from 'vitest';
import { HostUsers, sharedHostUsers } from './host-users.ts';

describe('HostUsers', () => {
  it('lends root a uid of the pool per run, and makes a run wait while all are lent', async () => {
    const users = new HostUsers({ uid: 0, gid: 0 }, { first: 61_000, count: 2 });
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
    const users = new HostUsers({ uid: 0, gid: 0 }, { first: 61_000, count: 2 });
    users.giveBack(await users.lend(), false);
    expect((await users.lend()).uid).toBe(61_001);
  });

  it('says when a uid is lent again, so that only its first run looks for what an earlier Kiln left', async () => {
    const users = new HostUsers({ uid: 0, gid: 0 }, { first: 61_000, count: 1 });
    const first = await users.lend();
    users.giveBack(first, true);
    expect(await users.lend()).toMatchObject({ uid: 61_000, firstLend: false });
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
