import type { SandboxOutputBody, SandboxResultBody, TestOutcome } from './turn-events.ts';

/**
 * Runs: code executed in the sandbox on request (`POST /api/v1/runs`, the UI's Run button). A run's events use
 * the turn stream's `sandbox.output` and `sandbox.result` bodies, with `runId` and a `seq` that starts at 1 and
 * grows by exactly 1, so clients reuse their turn code and resume after the last `seq` they have
 * (`GET /api/v1/runs/:id/events` with `Last-Event-ID`).
 */
export const runLanguages = ['typescript', 'javascript', 'python', 'shell'] as const;
export type RunLanguage = (typeof runLanguages)[number];

export type RunStatus = 'queued' | 'running' | 'passed' | 'failed' | 'error';

/** `POST /api/v1/runs`. */
export interface RunRequest {
  language: RunLanguage;
  code: string;
  /** vitest-style tests for TS/JS (importing the code as `./code`, `./pattern`, …), unittest for Python, a script for shell. */
  tests?: string;
  stdin?: string;
  /** Wall-clock limit; the server's default when absent, at most its maximum. */
  timeoutMs?: number;
  /** The stored patterns this code comes from, credited or blamed by the outcome. */
  patternIds?: string[];
}

/**
 * A problem found before running. `syntax` (the code does not parse) and `import` (it imports something the
 * sandbox cannot provide) stop the run; `type` errors (TypeScript's check) are reported and the code runs anyway.
 */
export interface RunDiagnostic {
  kind: 'syntax' | 'import' | 'type';
  blocking: boolean;
  /** Which part of the request it is in. */
  source: 'code' | 'tests';
  /** The file name the part runs as (`pattern.ts`, `pattern.test.ts`). */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  message: string;
  /** TypeScript's error number (2322 for `TS2322`). */
  code?: number;
}

export type RunEventBody =
  | { type: 'run.status'; status: 'queued' | 'running' }
  | { type: 'run.diagnostics'; diagnostics: RunDiagnostic[] }
  | SandboxOutputBody
  | SandboxResultBody
  /** The run could not be carried out (no sandbox, code that does not compile); no `sandbox.result` follows. */
  | { type: 'run.error'; code: string; message: string };

export type RunEvent = RunEventBody & { runId: string; seq: number };

export interface RunResult {
  exitCode: number;
  passed: boolean;
  timedOut: boolean;
  oom: boolean;
  truncated: boolean;
  durationMs: number;
  tests?: TestOutcome;
}

/** `GET /api/v1/runs/:id`. */
export interface RunView {
  id: string;
  status: RunStatus;
  language: RunLanguage;
  result: RunResult | null;
  /** Why the run is `error`, when it is. */
  error: { code: string; message: string } | null;
  diagnostics: RunDiagnostic[];
  stdout: string;
  stderr: string;
  patternIds: string[];
  createdAt: Date;
  finishedAt: Date | null;
}

/** True for the events after which a run has nothing more to say. */
export function isFinalRunEvent(event: RunEventBody): boolean {
  return event.type === 'sandbox.result' || event.type === 'run.error';
}
