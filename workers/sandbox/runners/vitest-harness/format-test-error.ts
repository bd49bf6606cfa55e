import { printDiffOrStringify } from '@vitest/utils/diff';
import { stringify } from '@vitest/utils/display';

const maximumLength = 4_000;

/**
 * A failure as the user reads it: `Name: message`, the expected/received diff when the assertion has one, and
 * where in the user's files it happened (`at pattern.test.ts:12:5`; the bundle carries a source map, so the
 * stack names the original files). `userFiles` are the base names of the user's files.
 */
export function formatTestError(thrown: unknown, userFiles: readonly string[]): string {
  const errors = Array.isArray(thrown) ? thrown : [thrown];
  // The diff is coloured when the harness thinks it writes to a terminal; a report is plain text.
  const text = errors
    .map((error) => formatOne(error, userFiles))
    .join('\n\n')
    // eslint-disable-next-line no-control-regex -- colour codes start with ESC
    .replace(/\u001b\[[\d;]*m/g, '');
  return text.length > maximumLength ? `${text.slice(0, maximumLength)}…` : text;
}

function formatOne(error: unknown, userFiles: readonly string[]): string {
  if (!(error instanceof Error) && !(typeof error === 'object' && error !== null && 'message' in error)) {
    return `Thrown: ${stringify(error)}`;
  }
  // `expect.soft` failures arrive already serialized by @vitest/expect, with their diff worked out.
  const details = error as Error & { actual?: unknown; expected?: unknown; showDiff?: boolean; diff?: unknown };
  const lines = [`${details.name || 'Error'}: ${details.message}`];
  if (details.showDiff !== false && 'expected' in details && 'actual' in details) {
    const diff =
      typeof details.diff === 'string'
        ? details.diff
        : safely(() => printDiffOrStringify(details.actual, details.expected));
    if (diff && diff.split('\n').length <= 60) lines.push('', diff);
  }
  const location = userLocation(details.stack, userFiles);
  if (location) lines.push(`    at ${location}`);
  if (details.cause !== undefined) lines.push(`Caused by: ${formatOne(details.cause, userFiles)}`);
  return lines.join('\n');
}

/** The first stack frame in one of the user's files, as `file:line:column`. */
function userLocation(stack: string | undefined, userFiles: readonly string[]): string | undefined {
  for (const match of (stack ?? '').matchAll(/([^\s(/]+):(\d+):(\d+)\)?$/gm)) {
    if (userFiles.includes(match[1] ?? '')) return `${match[1]}:${match[2]}:${match[3]}`;
  }
  return undefined;
}

function safely<T>(work: () => T): T | undefined {
  try {
    return work();
  } catch {
    return undefined;
  }
}
