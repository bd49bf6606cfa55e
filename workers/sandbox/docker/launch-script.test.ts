import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkedRelativePath, launchCommand, launchInput, workDirectory } from './launch-script.ts';

const directories: string[] = [];
afterEach(() => directories.splice(0).forEach((directory) => rmSync(directory, { recursive: true, force: true })));

/** Runs the launch script with the host's sh, its work dir moved to a temp dir. */
function launchOnHost(execution: Parameters<typeof launchCommand>[0] & { stdin?: string }) {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'kiln-launch-'));
  directories.push(directory);
  const [shell, flag, script, name, ...command] = launchCommand(execution);
  const hostScript = (script ?? '').replaceAll(`'${workDirectory}/`, `'${directory}/`);
  const stdout = execFileSync(shell ?? '', [flag ?? '', hostScript, name ?? '', ...command], {
    input: launchInput(execution),
    cwd: directory,
    env: { PATH: process.env.PATH, HOSTNAME: 'engine', TERM: 'xterm', container: 'podman' },
  });
  return { directory, stdout: stdout.toString() };
}

describe('the launch script', () => {
  it('writes each file byte for byte, then gives the command exactly the rest of stdin', () => {
    const files = { 'main.sh': 'cat; echo done\n', "dir/it's here/ünï.txt": 'é\u0000binary?\n', 'empty.txt': '' };
    const { directory, stdout } = launchOnHost({ files, command: ['sh', 'main.sh'], stdin: 'input line\n' });
    expect(stdout).toBe('input line\ndone\n');
    expect(readFileSync(path.join(directory, "dir/it's here/ünï.txt"), 'utf8')).toBe('é\u0000binary?\n');
    expect(readFileSync(path.join(directory, 'empty.txt'), 'utf8')).toBe('');
  });

  it('leaves the command an environment without what the engine or sh add, unless the run asked for it', () => {
    const { stdout } = launchOnHost({ files: {}, command: ['env'], environment: { TERM: 'dumb' } });
    expect(stdout).not.toMatch(/^(HOSTNAME|container|PWD)=/m);
    expect(stdout).toMatch(/^TERM=xterm$/m);
  });

  it('passes arguments through untouched', () => {
    const { stdout } = launchOnHost({ files: {}, command: ['printf', '%s|', 'a b', '$HOME', "'q'"] });
    expect(stdout).toBe("a b|$HOME|'q'|");
  });

  it('refuses file paths that leave the work dir', () => {
    for (const name of ['../escape', '/etc/passwd', 'a/../../b', '', '.', 'dir/', 'nul\u0000']) {
      expect(() => checkedRelativePath(name), name).toThrow(/not a file inside the work dir/);
    }
    expect(checkedRelativePath('./a//b/../c.txt')).toBe('a/c.txt');
    expect(() => launchCommand({ files: {}, command: [] })).toThrow(/no command/);
  });
});
