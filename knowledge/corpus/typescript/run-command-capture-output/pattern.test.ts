import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CommandError, runCommand } from './pattern.ts';

const node = process.execPath; // a program that exists on every machine running these tests

describe('runCommand', () => {
  it('captures stdout and stderr separately, passing arguments verbatim without a shell', async () => {
    const tricky = '$(echo pwned); rm -rf / "quoted" *';
    const result = await runCommand(node, ['-e', 'process.stdout.write(process.argv[1]); console.error("err")', tricky]);
    expect(result).toEqual({ stdout: tricky, stderr: 'err\n', exitCode: 0, signal: null });
  });

  it('feeds stdin and runs in the given directory', async () => {
    const dir = await realpath(await mkdtemp(path.join(tmpdir(), 'run-')));
    try {
      const script = 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(process.cwd(), s.toUpperCase()))';
      const { stdout } = await runCommand(node, ['-e', script], { input: 'hello', cwd: dir });
      expect(stdout.trim()).toBe(`${dir} HELLO`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects with CommandError on a non-zero exit, unless failure is allowed', async () => {
    const args = ['-e', 'console.error("bad input"); process.exit(3)'];
    const error = await runCommand(node, args).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandError);
    expect((error as CommandError).result.exitCode).toBe(3);
    expect((error as CommandError).message).toContain('exited with code 3: bad input');
    await expect(runCommand(node, args, { allowFailure: true })).resolves.toMatchObject({ exitCode: 3 });
  });

  it('kills a command that runs past the timeout', async () => {
    const started = Date.now();
    const error = await runCommand(node, ['-e', 'setTimeout(() => {}, 10_000)'], { timeoutMs: 100 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ timedOut: true, result: { signal: 'SIGKILL' } });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('rejects with ENOENT for a program that does not exist', async () => {
    await expect(runCommand('definitely-not-a-real-program-xyz')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
