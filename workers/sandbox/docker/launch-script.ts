import path from 'node:path';
import type { SandboxExecution } from '../sandbox.ts';

export const workDirectory = '/work';

/** Set in every container by Docker (HOSTNAME) or Podman (also `container` and TERM), or by sh (PWD). */
const engineVariables = ['HOSTNAME', 'container', 'TERM', 'PWD'];

/**
 * How a run's files reach its container: neither Docker nor Podman can copy into a tmpfs (archive uploads land
 * in the container's root filesystem, hidden under the tmpfs at start, and refused when it is read-only). So
 * the container's command is a small sh script that reads each file from stdin with `head -c <bytes>`, which
 * reads exactly that many bytes and no more, and then execs the run's command, which inherits the rest of
 * stdin: the run's own input. `launchCommand` is the container's argv, `launchInput` what to write to stdin.
 */
export function launchCommand(execution: Pick<SandboxExecution, 'files' | 'command' | 'environment'>): string[] {
  if (execution.command.length === 0) throw new Error('the execution has no command');
  const files = Object.entries(execution.files).map(([name, content]) => ({
    target: `${workDirectory}/${checkedRelativePath(name)}`,
    bytes: Buffer.byteLength(content),
  }));
  const directories = [...new Set(files.map(({ target }) => path.posix.dirname(target)))].filter(
    (directory) => directory !== workDirectory,
  );
  const lines = [
    'set -e',
    ...(directories.length > 0 ? [`mkdir -p ${directories.map(quote).join(' ')}`] : []),
    ...files.map(({ target, bytes }) => `head -c ${bytes} > ${quote(target)}`),
    // The run's environment is only what it asked for: not what the engine adds, nor the PWD that sh exports.
    `unset ${engineVariables.filter((name) => !(name in (execution.environment ?? {}))).join(' ')}`,
    'exec "$@"',
  ];
  return ['/bin/sh', '-c', lines.join('\n'), 'sandbox', ...execution.command];
}

/** The bytes to send on stdin: every file in the order of `launchCommand`, then the run's stdin. */
export function launchInput(execution: Pick<SandboxExecution, 'files' | 'stdin'>): Buffer {
  return Buffer.concat([
    ...Object.values(execution.files).map((content) => Buffer.from(content)),
    Buffer.from(execution.stdin ?? ''),
  ]);
}

/** A file name relative to the work dir that stays inside it: no absolute path, no `..`, no empty name. */
export function checkedRelativePath(name: string) {
  const normalized = path.posix.normalize(name);
  if (
    name.includes('\0') ||
    path.posix.isAbsolute(normalized) ||
    normalized === '.' ||
    normalized.endsWith('/') ||
    normalized.split('/').includes('..')
  ) {
    throw new Error(`file path ${JSON.stringify(name)} is not a file inside the work dir`);
  }
  return normalized;
}

function quote(value: string) {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
