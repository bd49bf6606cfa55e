import { readFile } from 'node:fs/promises';

/** The last `lines` lines of a text file, or a note that it could not be read; for error reports. */
export async function tailOfFile(file: string, lines: number): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return `(no log at ${file})`;
  }
}
