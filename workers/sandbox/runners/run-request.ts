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

/**
 * A problem found before running. `syntax` (the code does not parse) and `import` (it imports something the
 * sandbox cannot provide) stop the run; `type` errors (TypeScript) are reported and the code runs anyway.
 */
export interface Diagnostic {
  kind: 'syntax' | 'import' | 'type';
  blocking: boolean;
  /** Which part of the request it is in. */
  source: 'code' | 'tests';
  /** The file name the part runs as (`pattern.ts`, `pattern.test.ts`; see prepare-run.ts). */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  message: string;
  /** TypeScript's error number (2322 for `TS2322`), for type and syntax errors found by the compiler. */
  code?: number;
}

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
