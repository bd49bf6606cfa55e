import type { SandboxConfig } from '../../platform/config/config.ts';
import { defaultSandboxLimits, type SandboxLimits } from '../sandbox/sandbox.ts';
import type { RunSpec } from './run-store.ts';

/** A run's limits: its own wall clock (already capped by the API), the rest from the configuration. */
export function runLimits(config: SandboxConfig, spec: Pick<RunSpec, 'timeoutMs'>): SandboxLimits {
  return {
    ...defaultSandboxLimits,
    wallMs: spec.timeoutMs,
    memoryBytes: config.memoryBytes,
    processes: config.processes,
    outputBytes: config.outputBytes,
    // CPU time past the wall clock cannot happen in one process; with several it stops a busy fork at once.
    cpuSeconds: Math.ceil(spec.timeoutMs / 1000) + 1,
  };
}
