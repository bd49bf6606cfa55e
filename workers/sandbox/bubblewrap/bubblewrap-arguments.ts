import type { SystemPath } from './system-paths.ts';

/** Where the program runs inside the sandbox: a private tmpfs, also its HOME. */
export const workDirectory = '/work';
/** Descriptor of the bwrap process that becomes the program's stderr (bwrap's own stderr carries its messages). */
export const programStderrDescriptor = 3;
/** Descriptor bwrap writes its JSON status to: the sandbox's pid, then the exit code once the program ran. */
export const statusDescriptor = 4;
/** The unprivileged user a program runs as inside (nobody). */
export const sandboxUid = 65534;

/** The only host files of /etc a run sees; never /etc as a whole (no shadow, no host names or credentials). */
const etcFiles = ['/etc/ld.so.cache', '/etc/alternatives', '/etc/localtime'];
const filesMountPoint = '/kiln/files';

export interface BubblewrapLayout {
  /** The run's host dir: `files/` (the execution's files), `passwd` and `group`; bound read-only. */
  runDirectory: string;
  hasFiles: boolean;
  /** The program's whole environment. */
  environment: Record<string, string>;
  command: string[];
  /** Size of each private tmpfs: the work dir, /tmp and /dev/shm. */
  scratchBytes: number;
  systemPaths: SystemPath[];
  /** Host folders bound read-only at the same path, such as a Node installed outside /usr. */
  readOnlyPaths: string[];
}

/**
 * bwrap's arguments for one run: new user, PID, IPC, UTS, network, mount and cgroup namespaces; /usr and a few
 * /etc files read-only; private tmpfs for the work dir, /tmp and /dev/shm (sized, so a run cannot fill the
 * host's memory or disk with files); everything else read-only; only the given environment.
 *
 * The program is pid 1 of its namespace (--as-pid-1): when it exits, the kernel kills every process left in
 * the namespace before bwrap can see the exit, so nothing of a run outlives it, and no orphaned bwrap init is
 * left as a zombie on hosts whose init does not reap (as the default bwrap init would be). The price: as pid 1,
 * the program ignores signals it sends itself without a handler (a shell's `kill $$`).
 */
export function bubblewrapArguments(layout: BubblewrapLayout): string[] {
  const file = (name: string) => `${layout.runDirectory}/${name}`;
  const tmpfs = (target: string) => ['--size', String(layout.scratchBytes), '--tmpfs', target];
  return [
    ...['--unshare-all', '--unshare-user', '--disable-userns', '--die-with-parent', '--new-session', '--as-pid-1'],
    ...['--hostname', 'kiln-sandbox', '--uid', String(sandboxUid), '--gid', String(sandboxUid)],
    ...['--json-status-fd', String(statusDescriptor)],
    ...['--ro-bind', '/usr', '/usr'],
    ...layout.systemPaths.flatMap((system) =>
      system.symlinkTo === undefined
        ? ['--ro-bind', system.path, system.path]
        : ['--symlink', system.symlinkTo, system.path],
    ),
    ...etcFiles.flatMap((path) => ['--ro-bind-try', path, path]),
    ...['--ro-bind', file('passwd'), '/etc/passwd', '--ro-bind', file('group'), '/etc/group'],
    ...layout.readOnlyPaths.flatMap((path) => ['--ro-bind', path, path]),
    ...(layout.hasFiles ? ['--ro-bind', file('files'), filesMountPoint] : []),
    ...['--proc', '/proc', '--dev', '/dev', ...tmpfs('/dev/shm'), '--remount-ro', '/dev'],
    ...tmpfs('/tmp'),
    ...tmpfs(workDirectory),
    // Last, so that the mounts above could still create their mount points in the root tmpfs.
    ...['--remount-ro', '/', '--chdir', workDirectory],
    '--clearenv',
    ...Object.entries(layout.environment).flatMap(([name, value]) => ['--setenv', name, value]),
    '--',
    '/bin/sh',
    '-c',
    launchScript(layout),
    'kiln-sandbox',
    ...layout.command,
  ];
}

/**
 * Run by /bin/sh as pid 1, which then becomes the program (exec): the program's stderr is descriptor 3, so that
 * bwrap's own messages are never mistaken for the program's (a bwrap message means the sandbox could not be set
 * up); the execution's files are copied into the work dir; the PWD bwrap sets is dropped (a PWD the execution
 * gives reads as the work dir: bwrap overwrites it).
 */
function launchScript(layout: BubblewrapLayout) {
  return [
    `exec 2>&${programStderrDescriptor} ${programStderrDescriptor}>&-`,
    ...(layout.hasFiles ? [`cp -R ${filesMountPoint}/. ${workDirectory}/ || exit`] : []),
    ...('PWD' in layout.environment ? [] : ['unset PWD']),
    'exec "$@"',
  ].join('\n');
}
