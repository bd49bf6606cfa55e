import { describe, expect, it } from 'vitest';
import type { User } from '../../protocol/user.ts';
import type { StoredArchive } from './export-archive-repository.ts';
import { ExportArchiveService } from './export-archive-service.ts';

const alice = { id: 'a0000000-0000-4000-8000-000000000001', role: 'member' } as User;

/** The service over an in-memory twin of the repository, recording what it queues and audits. */
function service() {
  const archives: StoredArchive[] = [];
  const queued: string[] = [];
  const audited: string[] = [];
  let queueDown = false;
  const twin = new ExportArchiveService({
    repository: {
      create: async ({ ownerId, scope, fileName }) => {
        const archive: StoredArchive = {
          id: `b0000000-0000-4000-8000-00000000000${archives.length + 1}`,
          ownerId,
          scope,
          fileName,
          status: 'queued',
          attempt: 0,
          bytes: 0,
          error: null,
          createdAt: new Date(),
          finishedAt: null,
          expiresAt: new Date(Date.now() + 86_400_000),
        };
        archives.push(archive);
        return archive;
      },
      prune: async (ownerId, keep) => {
        const theirs = archives.filter((each) => each.ownerId === ownerId).reverse();
        const gone = theirs.slice(keep).filter((each) => ['ready', 'failed'].includes(each.status));
        for (const archive of gone) archives.splice(archives.indexOf(archive), 1);
        return gone.length;
      },
      pending: async (ownerId, scope) =>
        archives.find(
          (each) => each.ownerId === ownerId && each.scope === scope && ['queued', 'building'].includes(each.status),
        ),
      find: async (id) => archives.find((each) => each.id === id),
      list: async (ownerId) => archives.filter((each) => each.ownerId === ownerId),
      chunkAfter: async () => undefined,
      remove: async (id) => {
        const index = archives.findIndex((each) => each.id === id);
        if (index >= 0) archives.splice(index, 1);
        return index >= 0;
      },
    },
    queue: async (id) => {
      if (queueDown) throw new Error('pg-boss is not started');
      queued.push(id);
    },
    audit: { record: async (entry) => void audited.push(entry.action) },
  });
  return { twin, archives, queued, audited, failQueue: () => (queueDown = true) };
}

describe('ExportArchiveService', () => {
  it('answers a second request with the build already under way instead of queueing another', async () => {
    const { twin, archives, queued } = service();
    const first = await twin.request(alice, {}, null);
    const second = await twin.request(alice, {}, null);
    expect(first.created).toBe(true);
    expect(second).toEqual({ archive: first.archive, created: false });
    expect(queued).toEqual([first.archive.id]);

    archives[0]!.status = 'ready';
    const third = await twin.request(alice, {}, null);
    expect(third.created).toBe(true);
    expect(queued).toHaveLength(2);
  });

  it('keeps the newest five of a user’s archives, deleting the oldest finished one for a sixth', async () => {
    const { twin, archives } = service();
    for (let index = 0; index < 6; index += 1) {
      await twin.request(alice, {}, null);
      archives.at(-1)!.status = 'ready';
    }
    expect(archives).toHaveLength(5);
    expect(archives.map((each) => each.id)).not.toContain('b0000000-0000-4000-8000-000000000001');
  });

  it('answers 503 and keeps no archive when the job cannot be queued, so the next request starts afresh', async () => {
    const { twin, archives, failQueue } = service();
    failQueue();
    await expect(twin.request(alice, {}, null)).rejects.toMatchObject({ status: 503 });
    expect(archives).toEqual([]);
  });

  it('refuses everyone’s conversations to a non-admin, queueing and auditing nothing', async () => {
    const { twin, queued, audited } = service();
    await expect(twin.request(alice, { all: 'true' }, null)).rejects.toMatchObject({ status: 403 });
    await expect(twin.request(alice, { all: 'yes' }, null)).rejects.toMatchObject({ status: 400 });
    expect(queued).toEqual([]);
    expect(audited).toEqual([]);
  });

  it('refuses to download an archive that is not ready (409) and hides others’ archives (404)', async () => {
    const { twin } = service();
    const { archive } = await twin.request(alice, {}, null);
    await expect(twin.download(alice, archive.id)).rejects.toMatchObject({ status: 409 });
    const bob = { id: 'a0000000-0000-4000-8000-000000000002', role: 'member' } as User;
    await expect(twin.get(bob, archive.id)).rejects.toMatchObject({ status: 404 });
    await expect(twin.get(alice, 'not-a-uuid')).rejects.toMatchObject({ status: 404 });
  });
});
