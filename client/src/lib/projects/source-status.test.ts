import { describe, expect, it } from 'vitest';
import type { ProjectSource } from '$protocol/project.ts';
import { describeStatus, formatBytes, isLaterState } from './source-status.ts';

const source = (change: Partial<ProjectSource> & { filesDone?: number; filesFound?: number }): ProjectSource => ({
  id: 's1',
  projectId: 'p1',
  type: 'archive',
  location: 'geo.zip',
  status: change.status ?? 'queued',
  counts: {
    filesFound: change.filesFound ?? 0,
    filesDone: change.filesDone ?? 0,
    filesIndexed: 0,
    filesUnchanged: 0,
    filesSkipped: 0,
    patterns: 0,
  },
  error: null,
  createdAt: '2026-12-05T10:00:00.000Z',
  updatedAt: change.updatedAt ?? '2026-12-05T10:00:00.000Z',
  ingestedAt: null,
});

describe('source status', () => {
  it('keeps a socket update that came before the upload answered over the older answer', () => {
    const ready = source({ status: 'ready', updatedAt: '2026-12-05T10:00:02.000Z' });
    const queued = source({ status: 'queued', updatedAt: '2026-12-05T10:00:00.000Z' });
    expect(isLaterState(queued, ready)).toBe(false);
    expect(isLaterState(ready, queued)).toBe(true);
  });

  it('takes a re-ingest that queues a ready source again, being later', () => {
    const ready = source({ status: 'ready', updatedAt: '2026-12-05T10:00:02.000Z' });
    const requeued = source({ status: 'queued', updatedAt: '2026-12-05T10:05:00.000Z' });
    expect(isLaterState(requeued, ready)).toBe(true);
  });

  it('breaks a tie of timestamps by status, then by progress', () => {
    expect(isLaterState(source({ status: 'ingesting' }), source({ status: 'queued' }))).toBe(true);
    expect(isLaterState(source({ status: 'queued' }), source({ status: 'ingesting' }))).toBe(false);
    const further = source({ status: 'ingesting', filesDone: 3 });
    expect(isLaterState(source({ status: 'ingesting', filesDone: 2 }), further)).toBe(false);
  });

  it('says how far ingest has come', () => {
    expect(describeStatus(source({ status: 'ingesting', filesDone: 3, filesFound: 10 }))).toBe(
      'Ingesting: 3 of 10 files',
    );
    expect(describeStatus(source({ status: 'ingesting' }))).toBe('Ingesting: looking for files');
    expect(describeStatus(source({ status: 'failed' }))).toBe('Failed');
  });

  it('writes sizes in bytes, kilobytes and megabytes', () => {
    expect([840, 12_800, 3_355_443].map(formatBytes)).toEqual(['840 B', '12.5 KB', '3.2 MB']);
  });
});
