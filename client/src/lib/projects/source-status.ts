import type { ProjectSource, ProjectSourceStatus } from '$protocol/project.ts';

const statusOrder: Record<ProjectSourceStatus, number> = { queued: 0, ingesting: 1, ready: 2, failed: 2 };

/**
 * Whether `incoming` is a later state of a source than `current`. The socket's updates and the HTTP answer that
 * queued the source race (a small archive may be ingested before its upload's answer arrives): the later
 * `updatedAt` wins; on a tie, the further status, then the further progress.
 */
export function isLaterState(incoming: ProjectSource, current: ProjectSource): boolean {
  const incomingTime = Date.parse(incoming.updatedAt);
  const currentTime = Date.parse(current.updatedAt);
  if (incomingTime !== currentTime) return incomingTime > currentTime;
  const byStatus = statusOrder[incoming.status] - statusOrder[current.status];
  if (byStatus !== 0) return byStatus > 0;
  return incoming.counts.filesDone >= current.counts.filesDone;
}

/** Whether ingest is still to come or under way. */
export const inProgress = (source: ProjectSource) => source.status === 'queued' || source.status === 'ingesting';

/** The source's status in words: "Queued", "Ingesting: 3 of 10 files", "Ready", "Failed". */
export function describeStatus(source: ProjectSource): string {
  switch (source.status) {
    case 'queued':
      return 'Queued';
    case 'ingesting':
      return source.counts.filesFound
        ? `Ingesting: ${source.counts.filesDone} of ${source.counts.filesFound} files`
        : 'Ingesting: looking for files';
    case 'ready':
      return 'Ready';
    case 'failed':
      return 'Failed';
  }
}

export const sourceTypeLabels = { folder: 'Server folder', archive: 'Archive', git: 'Git repository' } as const;

/** A byte count in the reader's terms: "840 B", "12.5 KB", "3.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 100 ? 1 : 0)} ${units[unit]}`;
}
