import type { RunDiagnostic } from '../../../protocol/runs.ts';
import type { SandboxRuntime } from '../sandbox.ts';

/** What the API asks to run: code in one language, optionally with tests for it, and what to feed its stdin. */
export interface RunRequest {
  language: RunLanguage;
  code: string;
  /** Tests of the code (vitest for TypeScript and JavaScript, unittest for Python, a bash script for shell). */
  tests?: string;
  stdin?: string;
}

export type RunLanguage = 'typescript' | 'javascript' | 'python' | 'shell';

/** A problem found before running (the protocol's `RunDiagnostic`: syntax and import problems stop the run). */
export type Diagnostic = RunDiagnostic;

/** What a language runner makes of a request: the program to run (none when it cannot run) and its findings. */
export interface PreparedProgram {
  program: { runtime: SandboxRuntime; files: Record<string, string>; command: string[] } | undefined;
  diagnostics: Diagnostic[];
  /** TypeScript's type errors, found while the program runs (never blocking). */
  typeDiagnostics?: Promise<Diagnostic[]>;
  /** Where preparing took time, in milliseconds (TypeScript and JavaScript only). */
  timings?: PreparationTimings;
}

export interface PreparationTimings {
  typeCheckMs: number;
  bundleMs: number;
}
