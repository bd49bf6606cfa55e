import type { Logger } from 'pino';
import type { RunResult } from '../../protocol/runs.ts';
import type { SandboxResultBody } from '../../protocol/turn-events.ts';
import type { SandboxChoice } from '../sandbox/choose-sandbox.ts';
import { prepareRun } from '../sandbox/runners/prepare-run.ts';
import { SandboxUnavailableError, type SandboxExit, type SandboxLimits } from '../sandbox/sandbox.ts';
import { OutputBatcher } from './output-batcher.ts';
import type { RunJournal, RunOutcome, RunSpec } from './run-store.ts';

export interface RunExecution {
  journal: RunJournal;
  /** The sandbox of this process (undefined while it is still being proven at start-up). */
  sandbox: () => SandboxChoice | undefined;
  /** The limits of a run, from its requested wall clock and the configured defaults. */
  limits: (spec: RunSpec) => SandboxLimits;
  log: Logger;
  /** How long output may wait before it is written and announced. */
  flushIntervalMs?: number;
}

const flushBytes = 32 * 1024;

/**
 * Executes one stored run: prepares it for its language, runs it in the sandbox, and journals every event
 * (status, diagnostics, output in batches, then the verdict) and the outcome. A run that is not queued any more
 * (taken by another worker, a job delivered twice) is left alone: undefined.
 */
export async function executeRun(
  runId: string,
  execution: RunExecution,
  signal?: AbortSignal,
): Promise<{ spec: RunSpec; outcome: RunOutcome } | undefined> {
  const { journal, log } = execution;
  const spec = await journal.start(runId);
  if (!spec) return undefined;
  await journal.append(runId, [{ type: 'run.status', status: 'running' }]);
  const failed = async (code: string, message: string, diagnostics: RunOutcome['diagnostics'] = []) => {
    const outcome: RunOutcome = {
      status: 'error',
      result: null,
      error: { code, message },
      diagnostics,
      stdout: '',
      stderr: '',
    };
    await journal.append(runId, [{ type: 'run.error', code, message }]);
    await journal.finish(runId, outcome);
    return { spec, outcome };
  };
  try {
    const choice = execution.sandbox();
    if (!choice?.sandbox) {
      return await failed(
        'sandbox_unavailable',
        choice ? choice.reason : 'the sandbox is still being checked; try again',
      );
    }
    const limits = execution.limits(spec);
    const prepared = await prepareRun(
      { language: spec.language, code: spec.code, tests: spec.tests ?? undefined, stdin: spec.stdin ?? undefined },
      limits,
    );
    if (prepared.diagnostics.length) {
      await journal.append(runId, [{ type: 'run.diagnostics', diagnostics: prepared.diagnostics }]);
    }
    // Type errors come from a thread of their own while the program runs; a failed check only loses them.
    const typeDiagnostics = prepared.typeDiagnostics.catch((error: unknown) => {
      log.warn({ err: error, runId }, 'the type check failed');
      return [];
    });
    if (!prepared.execution) {
      const blocking = prepared.diagnostics.filter((diagnostic) => diagnostic.blocking);
      const first = blocking[0];
      const where = first ? ` (${first.file}:${first.line}:${first.column}: ${first.message})` : '';
      return await failed('does_not_compile', `The code cannot run${where}.`, prepared.diagnostics);
    }

    const batcher = new OutputBatcher();
    const output = { stdout: '', stderr: '' };
    let exit: SandboxExit | undefined;
    let lastFlush = Date.now();
    const flush = async () => {
      lastFlush = Date.now();
      const events = batcher.flush();
      for (const event of events) output[event.stream] += event.chunk;
      await journal.append(runId, events);
    };
    for await (const event of choice.sandbox.run(prepared.execution, signal)) {
      if (event.type === 'exit') {
        exit = event.exit;
        break;
      }
      batcher.add(event.stream, event.chunk);
      if (batcher.size >= flushBytes || Date.now() - lastFlush >= (execution.flushIntervalMs ?? 50)) await flush();
    }
    if (!exit) throw new Error('the sandbox ended without an exit');
    // What the harness held back: its report line, and any program output after it.
    const { stdout: rest, tests } = prepared.readResult(batcher.release());
    if (rest) batcher.add('stdout', rest.replaceAll('\u001e', ''));
    await flush();

    const found = await typeDiagnostics;
    if (found.length) await journal.append(runId, [{ type: 'run.diagnostics', diagnostics: found }]);
    const result = resultOf(exit, tests);
    const body: SandboxResultBody = { type: 'sandbox.result', ...result };
    await journal.append(runId, [body]);
    const outcome: RunOutcome = {
      status: result.passed ? 'passed' : 'failed',
      result,
      error: null,
      diagnostics: [...prepared.diagnostics, ...found],
      stdout: output.stdout,
      stderr: output.stderr,
    };
    await journal.finish(runId, outcome);
    return { spec, outcome };
  } catch (error) {
    if (error instanceof SandboxUnavailableError) return await failed('sandbox_unavailable', error.message);
    log.error({ err: error, runId }, 'run failed');
    return await failed('run_failed', 'The run could not be carried out; the server log has the details.');
  }
}

const signalNumbers: Record<string, number> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGABRT: 6,
  SIGKILL: 9,
  SIGSEGV: 11,
  SIGTERM: 15,
};

/** The verdict: passed only when the program exited 0, hit no limit, and every test (if any) passed. */
export function resultOf(exit: SandboxExit, tests: RunResult['tests']): RunResult {
  const exitCode = exit.exitCode ?? 128 + (signalNumbers[exit.signal ?? ''] ?? 9);
  const passed = exitCode === 0 && !exit.timedOut && !exit.oom && !exit.truncated && (!tests || tests.failed === 0);
  return {
    exitCode,
    passed,
    timedOut: exit.timedOut,
    oom: exit.oom,
    truncated: exit.truncated,
    durationMs: Math.round(exit.durationMs),
    ...(tests ? { tests: { passed: tests.passed, failed: tests.failed, failures: tests.failures } } : {}),
  };
}
