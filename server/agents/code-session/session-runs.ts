import type { RunEvent, RunRequest } from '../../../protocol/runs.ts';
import type { SandboxResultBody } from '../../../protocol/turn-events.ts';
import type { User } from '../../../protocol/user.ts';
import { KilnError } from '../../errors/kiln-error.ts';
import type { AgentEvent } from '../agent.ts';

/**
 * Where a code session runs its attempts: the same runs as `POST /api/v1/runs` (stored, limited per user,
 * executed by the sandbox job), so an attempt's run can be looked up, and its outcome credits the patterns
 * it names. `create` throws a `KilnError` when code cannot run here (no sandbox), with the reason.
 */
export interface SessionRuns {
  create(user: User, request: RunRequest): Promise<{ runId: string }>;
  events(user: User, runId: string, afterSeq: number, signal: AbortSignal): AsyncIterable<RunEvent>;
}

export type AttemptRun =
  | { status: 'not-run'; reason: string }
  | {
      status: 'ran';
      runId: string;
      /** Null when the run could not be carried out (code that does not compile): `failure` says why. */
      result: Omit<SandboxResultBody, 'type'> | null;
      passed: boolean;
      /** What the failure printed (diagnostics, stderr, then stdout), for the error signature and the repair. */
      failure: string;
    };

/** Starts a run for an attempt; a refusal (no sandbox, limits) becomes `not-run` with its reason. */
export async function startRun(
  runs: SessionRuns,
  user: User,
  request: RunRequest,
): Promise<{ runId: string } | { reason: string }> {
  try {
    return await runs.create(user, request);
  } catch (error) {
    if (error instanceof KilnError && error.status < 500) return { reason: error.message };
    if (error instanceof KilnError && error.code === 'unavailable') return { reason: error.message };
    throw error;
  }
}

const failureLength = 6_000;

/** How long a run may wait in the queue for a worker before the session gives up on it. */
export const queueWaitMs = 30_000;

/**
 * Relays a run's output and verdict as turn events (`sandbox.output`, `sandbox.result`) and returns how it went.
 * A run no worker starts within `queueWaitMs` (no in-process workers and no `npm run worker`) is `not-run`.
 */
export async function* relayRun(
  runs: SessionRuns,
  user: User,
  runId: string,
  signal: AbortSignal,
  options: { queueWaitMs?: number } = {},
): AsyncGenerator<AgentEvent, AttemptRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const diagnostics: string[] = [];
  const reading = new AbortController();
  const stopReading = () => reading.abort(signal.reason);
  signal.addEventListener('abort', stopReading, { once: true });
  let waited = false;
  const queueTimer = setTimeout(() => {
    waited = true;
    reading.abort(new Error('no worker started the run'));
  }, options.queueWaitMs ?? queueWaitMs);
  try {
    for await (const event of runs.events(user, runId, 0, reading.signal)) {
      if (event.type !== 'run.status' || event.status !== 'queued') clearTimeout(queueTimer);
      const step = relayed(event);
      if (step.event) yield step.event;
      if (step.done) return step.done;
    }
  } finally {
    clearTimeout(queueTimer);
    signal.removeEventListener('abort', stopReading);
  }
  signal.throwIfAborted();
  if (waited) {
    return {
      status: 'not-run',
      reason: `no worker started the run within ${Math.round((options.queueWaitMs ?? queueWaitMs) / 1000)} s (with KILN_WORKERS=off, start \`npm run worker\`)`,
    };
  }
  return { status: 'not-run', reason: 'the run ended without a result' };

  function relayed(event: RunEvent): { event?: AgentEvent; done?: AttemptRun } {
    switch (event.type) {
      case 'sandbox.output':
        (event.stream === 'stdout' ? stdout : stderr).push(event.chunk);
        return { event: { type: 'sandbox.output', stream: event.stream, chunk: event.chunk } };
      case 'run.diagnostics': {
        const blocking: string[] = [];
        for (const diagnostic of event.diagnostics) {
          const line = `${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.kind === 'type' ? `error TS${diagnostic.code ?? ''}` : 'SyntaxError'}: ${diagnostic.message}`;
          diagnostics.push(line);
          if (diagnostic.blocking) blocking.push(`${line}\n`);
        }
        // What the checker printed is output the user needs to see, before the run's own.
        return blocking.length ? { event: { type: 'sandbox.output', stream: 'stderr', chunk: blocking.join('') } } : {};
      }
      case 'run.error':
        return {
          done: {
            status: 'ran',
            runId,
            result: null,
            passed: false,
            failure: [event.message, ...diagnostics].join('\n').slice(0, failureLength),
          },
        };
      case 'sandbox.result': {
        const { type: _type, runId: _runId, seq: _seq, ...result } = event;
        const failures = (result.tests?.failures ?? []).map((failure) => `FAIL ${failure.name}: ${failure.message}`);
        const limits = [
          result.timedOut ? 'The run was stopped: it passed its time limit.' : '',
          result.oom ? 'The run was stopped: it ran out of memory.' : '',
        ].filter(Boolean);
        return {
          event: { type: 'sandbox.result', ...result },
          done: {
            status: 'ran',
            runId,
            result,
            passed: result.passed,
            failure: result.passed
              ? ''
              : [...limits, ...failures, stderr.join(''), stdout.join(''), ...diagnostics]
                  .filter(Boolean)
                  .join('\n')
                  .slice(-failureLength),
          },
        };
      }
      default:
        return {};
    }
  }
}
