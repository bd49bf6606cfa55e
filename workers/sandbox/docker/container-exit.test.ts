import { describe, expect, it } from 'vitest';
import { containerExit } from './container-exit.ts';

describe('containerExit', () => {
  it('reports an ordinary exit status as the exit code', () => {
    expect(containerExit({ statusCode: 3, durationMs: 12 })).toEqual({
      exitCode: 3,
      signal: null,
      timedOut: false,
      oom: false,
      truncated: false,
      durationMs: 12,
    });
  });

  it('reads 128 + N as signal N', () => {
    expect(containerExit({ statusCode: 139, durationMs: 1 })).toMatchObject({ exitCode: null, signal: 'SIGSEGV' });
    expect(containerExit({ statusCode: 134, durationMs: 1 })).toMatchObject({ signal: 'SIGABRT' });
    expect(containerExit({ statusCode: 152, durationMs: 1 })).toMatchObject({ signal: 'SIGXCPU', oom: false });
  });

  it('says why the driver killed a run, and does not call that an OOM kill', () => {
    expect(containerExit({ statusCode: 137, killedFor: 'timeout', durationMs: 1 })).toMatchObject({
      signal: 'SIGKILL',
      timedOut: true,
      oom: false,
    });
    expect(containerExit({ statusCode: 137, killedFor: 'truncated', durationMs: 1 })).toMatchObject({
      truncated: true,
      oom: false,
    });
    expect(containerExit({ statusCode: 137, killedFor: 'aborted', durationMs: 1 })).toMatchObject({
      timedOut: false,
      truncated: false,
      oom: false,
    });
  });

  it('takes a SIGKILL nobody asked for, or the engine’s OOMKilled, as out of memory', () => {
    expect(containerExit({ statusCode: 137, durationMs: 1 })).toMatchObject({ oom: true, signal: 'SIGKILL' });
    expect(containerExit({ statusCode: 137, oomKilled: true, killedFor: 'timeout', durationMs: 1 }).oom).toBe(true);
    expect(containerExit({ statusCode: 0, oomKilled: false, durationMs: 1 }).oom).toBe(false);
  });

  it('keeps the exit code of a run that ended by itself before the kill landed', () => {
    expect(containerExit({ statusCode: 0, killedFor: 'truncated', durationMs: 1 })).toMatchObject({
      exitCode: 0,
      truncated: true,
    });
  });
});
