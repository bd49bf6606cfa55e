import { describe, expect, it } from 'vitest';
import { programExit } from './program-exit.ts';

describe('programExit', () => {
  it('passes exit codes through', () => {
    expect(programExit(0, null)).toEqual({ exitCode: 0, signal: null });
    expect(programExit(7, null)).toEqual({ exitCode: 7, signal: null });
    expect(programExit(128, null)).toEqual({ exitCode: 128, signal: null });
  });

  it("reads bwrap's 128 + N as the program killed by signal N", () => {
    expect(programExit(137, null)).toEqual({ exitCode: null, signal: 'SIGKILL' });
    expect(programExit(139, null)).toEqual({ exitCode: null, signal: 'SIGSEGV' });
    expect(programExit(134, null)).toEqual({ exitCode: null, signal: 'SIGABRT' });
    expect(programExit(255, null)).toEqual({ exitCode: 255, signal: null });
  });

  it('reports the signal that killed bwrap itself', () => {
    expect(programExit(null, 'SIGKILL')).toEqual({ exitCode: null, signal: 'SIGKILL' });
  });
});
