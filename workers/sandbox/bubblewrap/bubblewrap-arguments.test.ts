import { describe, expect, it } from 'vitest';
import { bubblewrapArguments, type BubblewrapLayout } from './bubblewrap-arguments.ts';

const layout: BubblewrapLayout = {
  runDirectory: '/tmp/kiln-run-abc',
  hasFiles: true,
  environment: { PATH: '/usr/bin:/bin', HOME: '/work', GREETING: 'hello world' },
  command: ['python3', 'main.py', '--flag'],
  scratchBytes: 1024,
  systemPaths: [{ path: '/lib', symlinkTo: 'usr/lib' }, { path: '/lib64' }],
  readOnlyPaths: ['/opt/node/bin'],
};

/** The operands following each occurrence of `option`. */
function operands(args: string[], option: string, count: number) {
  return args.flatMap((arg, index) => (arg === option ? [args.slice(index + 1, index + 1 + count)] : []));
}

describe('bubblewrapArguments', () => {
  const args = bubblewrapArguments(layout);
  const separator = args.indexOf('--');
  const options = args.slice(0, separator);

  it('unshares every namespace, user namespaces inside included, and ties the run to its parent', () => {
    for (const flag of [
      '--unshare-all',
      '--unshare-user',
      '--disable-userns',
      '--die-with-parent',
      '--new-session',
      '--as-pid-1',
    ]) {
      expect(options).toContain(flag);
    }
    expect(options).not.toContain('--share-net');
    expect(operands(options, '--uid', 1)).toEqual([['65534']]);
    expect(operands(options, '--gid', 1)).toEqual([['65534']]);
  });

  it('binds /usr, the system paths and only chosen /etc files read-only, never /etc whole', () => {
    const readOnly = operands(options, '--ro-bind', 2).concat(operands(options, '--ro-bind-try', 2));
    expect(readOnly).toContainEqual(['/usr', '/usr']);
    expect(readOnly).toContainEqual(['/lib64', '/lib64']);
    expect(readOnly).toContainEqual(['/opt/node/bin', '/opt/node/bin']);
    expect(readOnly).toContainEqual(['/tmp/kiln-run-abc/passwd', '/etc/passwd']);
    expect(readOnly).toContainEqual(['/tmp/kiln-run-abc/files', '/kiln/files']);
    expect(operands(options, '--symlink', 2)).toEqual([['usr/lib', '/lib']]);
    const hostSources = readOnly.map(([source]) => source!).filter((source) => source.startsWith('/etc'));
    expect(hostSources.sort()).toEqual(['/etc/alternatives', '/etc/ld.so.cache', '/etc/localtime']);
    expect(options).not.toContain('--bind');
    expect(options).not.toContain('--dev-bind');
  });

  it('gives the work dir, /tmp and /dev/shm sized private tmpfs, then makes the rest read-only', () => {
    const sizedTmpfs = args.flatMap((arg, index) =>
      arg === '--tmpfs' && args[index - 2] === '--size' ? [[args[index - 1], args[index + 1]]] : [],
    );
    expect(sizedTmpfs).toEqual([
      ['1024', '/dev/shm'],
      ['1024', '/tmp'],
      ['1024', '/work'],
    ]);
    expect(operands(options, '--remount-ro', 1)).toEqual([['/dev'], ['/']]);
    const lastMount = Math.max(...['--tmpfs', '--ro-bind', '--proc', '--dev'].map((flag) => options.lastIndexOf(flag)));
    expect(options.indexOf('--remount-ro', options.indexOf('--remount-ro') + 1)).toBeGreaterThan(lastMount);
    expect(operands(options, '--chdir', 1)).toEqual([['/work']]);
  });

  it('clears the environment, then sets exactly the given one', () => {
    const clear = options.indexOf('--clearenv');
    expect(clear).toBeGreaterThan(-1);
    expect(operands(options, '--setenv', 2)).toEqual([
      ['PATH', '/usr/bin:/bin'],
      ['HOME', '/work'],
      ['GREETING', 'hello world'],
    ]);
    expect(options.indexOf('--setenv')).toBeGreaterThan(clear);
  });

  it('starts the command through a launch script that separates its stderr and copies the files', () => {
    const [shell, dashC, script, name, ...command] = args.slice(separator + 1);
    expect([shell, dashC, name]).toEqual(['/bin/sh', '-c', 'kiln-sandbox']);
    expect(command).toEqual(['python3', 'main.py', '--flag']);
    expect(script).toBe('exec 2>&3 3>&-\ncp -R /kiln/files/. /work/ || exit\nunset PWD\nexec "$@"');
    expect(operands(options, '--json-status-fd', 1)).toEqual([['4']]);
  });

  it('copies nothing and binds no files folder for an execution without files', () => {
    const bare = bubblewrapArguments({ ...layout, hasFiles: false, environment: { PWD: '/work' } });
    expect(bare).not.toContain('/kiln/files');
    expect(bare[bare.indexOf('--') + 3]).toBe('exec 2>&3 3>&-\nexec "$@"');
  });
});
