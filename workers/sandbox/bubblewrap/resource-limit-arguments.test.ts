import { describe, expect, it } from 'vitest';
import { defaultSandboxLimits } from '../sandbox.ts';
import { addressSpaceHeadroomBytes, resourceLimitArguments } from './resource-limit-arguments.ts';

describe('resourceLimitArguments', () => {
  it('sets memory as RLIMIT_DATA, with RLIMIT_AS only as a backstop above it', () => {
    const args = resourceLimitArguments({ ...defaultSandboxLimits, memoryBytes: 256 * 1024 * 1024 });
    expect(args).toContain(`--data=${256 * 1024 * 1024}`);
    expect(args).toContain(`--as=${256 * 1024 * 1024 + addressSpaceHeadroomBytes}`);
  });

  it('sets the other limits, counting bwrap itself and what the host uid already runs as processes', () => {
    const args = resourceLimitArguments(
      { ...defaultSandboxLimits, processes: 64, fileSizeBytes: 1000, openFiles: 32, cpuSeconds: 2.5 },
      10,
    );
    expect(args).toEqual(expect.arrayContaining(['--nproc=75', '--fsize=1000', '--nofile=32', '--cpu=3', '--core=0']));
  });
});
