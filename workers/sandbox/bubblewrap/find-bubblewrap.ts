import { constants } from 'node:fs';
import { access } from 'node:fs/promises';

/** Where distribution packages install bubblewrap. */
export const bubblewrapPaths = ['/usr/bin/bwrap', '/usr/local/bin/bwrap', '/bin/bwrap'];

/** The first executable `bwrap` among `candidates`, or undefined when bubblewrap is not installed. */
export async function findBubblewrap(candidates: string[] = bubblewrapPaths): Promise<string | undefined> {
  for (const candidate of candidates) {
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // try the next
    }
  }
  return undefined;
}
