import { describe, expect, it } from 'vitest';
import { defaultSandboxLimits, type SandboxExecution } from '../sandbox.ts';
import { containerOptions, sandboxLabel } from './container-options.ts';

const execution: SandboxExecution = {
  runtime: 'node',
  files: { 'main.js': 'console.log(1)' },
  command: ['node', 'main.js'],
  environment: { GREETING: 'hello', LANG: 'en_US.UTF-8' },
  limits: { ...defaultSandboxLimits, memoryBytes: 64 * 1024 * 1024, processes: 32, openFiles: 100, cpuSeconds: 5 },
};

describe('containerOptions', () => {
  const options = containerOptions(execution, 'kiln-sandbox:local');
  const host = options.HostConfig ?? {};

  it('gives the container no network, no capabilities, no privilege gain and a read-only root', () => {
    expect(options.NetworkDisabled).toBe(true);
    expect(host.NetworkMode).toBe('none');
    expect(host.CapDrop).toEqual(['ALL']);
    expect(host.CapAdd).toBeUndefined();
    expect(host.Privileged).toBeFalsy();
    expect(host.SecurityOpt).toEqual(['no-new-privileges']);
    expect(host.ReadonlyRootfs).toBe(true);
    expect(host.Binds).toBeUndefined();
    expect(host.Mounts).toBeUndefined();
  });

  it('runs as nobody in the tmpfs work dir, executable there but not in /tmp', () => {
    expect(options.User).toBe('65534:65534');
    expect(options.WorkingDir).toBe('/work');
    expect(host.Tmpfs?.['/work']).toMatch(/(^|,)exec(,|$)/);
    expect(host.Tmpfs?.['/tmp']).toMatch(/(^|,)noexec(,|$)/);
    for (const writable of ['/work', '/tmp']) expect(host.Tmpfs?.[writable]).toContain(`size=${64 * 1024 * 1024}`);
    for (const closed of ['/run', '/var/tmp']) expect(host.Tmpfs?.[closed]).toMatch(/^ro,/);
  });

  it('limits memory without swap, processes, CPU and rlimits from the execution', () => {
    expect(host.Memory).toBe(64 * 1024 * 1024);
    expect(host.MemorySwap).toBe(64 * 1024 * 1024);
    expect(host.PidsLimit).toBe(32);
    expect(host.NanoCpus).toBe(1_000_000_000);
    expect(host.Ulimits).toEqual(
      expect.arrayContaining([
        { Name: 'nofile', Soft: 100, Hard: 100 },
        { Name: 'fsize', Soft: defaultSandboxLimits.fileSizeBytes, Hard: defaultSandboxLimits.fileSizeBytes },
        { Name: 'cpu', Soft: 5, Hard: 6 },
      ]),
    );
    expect(host.Ulimits?.find((limit) => limit.Name === 'nproc')).toBeDefined();
  });

  it('passes only the execution environment plus PATH, HOME and LANG when absent', () => {
    expect(options.Env?.sort()).toEqual(['GREETING=hello', 'HOME=/tmp', 'LANG=en_US.UTF-8', 'PATH=/usr/bin:/bin']);
  });

  it('attaches without a TTY, keeps stdin open for the files, and labels the container', () => {
    expect(options).toMatchObject({ Tty: false, OpenStdin: true, StdinOnce: true, AttachStdin: true });
    expect(options.Labels).toEqual({ [sandboxLabel]: 'run' });
    expect(options.Image).toBe('kiln-sandbox:local');
    expect(options.Entrypoint).toEqual([]);
    expect(options.Cmd?.slice(0, 2)).toEqual(['/bin/sh', '-c']);
    expect(options.Cmd?.slice(-2)).toEqual(['node', 'main.js']);
    expect(host.AutoRemove).toBe(false);
  });

  it('refuses an environment variable name the engine would misread', () => {
    expect(() => containerOptions({ ...execution, environment: { 'A=B': 'c' } }, 'image')).toThrow(/A=B/);
  });
});
