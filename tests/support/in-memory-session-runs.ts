import type { RunEvent, RunEventBody, RunRequest } from '../../protocol/runs.ts';
import type { SandboxResultBody } from '../../protocol/turn-events.ts';
import type { User } from '../../protocol/user.ts';
import type { SessionRuns } from '../../server/agents/code-session/session-runs.ts';
import { NotFoundError } from '../../server/errors/not-found-error.ts';
import { UnavailableError } from '../../server/errors/unavailable-error.ts';

/** What a scripted run emits, given its request and its 0-based index among the runs created. */
export type RunScript = (request: RunRequest, index: number) => RunEventBody[];

/**
 * The in-memory twin of the sandbox runs, for unit tests: each run emits the events its script gives it (with
 * `runId` and `seq` from 1), one per turn of the event loop, and records its request. Like `RunService`, a run's
 * events are only its owner's, they end after a final event (`sandbox.result`, `run.error`), and a run whose
 * script has no final event is still running: its events wait until the reader's signal aborts, then end
 * quietly.
 */
export class InMemorySessionRuns implements SessionRuns {
  readonly requests: RunRequest[] = [];
  private readonly runs = new Map<string, { ownerId: string; events: RunEventBody[] }>();

  constructor(private readonly script: RunScript) {}

  async create(user: User, request: RunRequest): Promise<{ runId: string }> {
    const index = this.requests.length;
    this.requests.push(request);
    const runId = `run-${index + 1}`;
    this.runs.set(runId, { ownerId: user.id, events: this.script(request, index) });
    return { runId };
  }

  async *events(user: User, runId: string, afterSeq: number, signal: AbortSignal): AsyncGenerator<RunEvent> {
    const run = this.runs.get(runId);
    if (!run || run.ownerId !== user.id) throw new NotFoundError('Run');
    for (const [index, body] of run.events.entries()) {
      await new Promise((resolve) => setImmediate(resolve));
      if (signal.aborted) return;
      if (index + 1 <= afterSeq) continue;
      yield { ...body, runId, seq: index + 1 } as RunEvent;
      if (body.type === 'sandbox.result' || body.type === 'run.error') return;
    }
    if (!signal.aborted) await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
  }
}

/** Runs where code cannot run: `create` throws what `RunService.create` throws when there is no sandbox. */
export class UnavailableSessionRuns implements SessionRuns {
  readonly requests: RunRequest[] = [];
  /** How many times events were read (never, since no run exists). */
  eventReads = 0;

  constructor(readonly reason = 'Code cannot run here: no sandbox driver works on this host.') {}

  async create(_user: User, request: RunRequest): Promise<{ runId: string }> {
    this.requests.push(request);
    throw new UnavailableError(this.reason);
  }

  // eslint-disable-next-line require-yield
  async *events(): AsyncGenerator<RunEvent> {
    this.eventReads += 1;
    throw new NotFoundError('Run');
  }
}

/** A run's verdict: a clean exit by default, every field overridable. */
export function sandboxResult(overrides: Partial<Omit<SandboxResultBody, 'type'>> = {}): SandboxResultBody {
  return {
    type: 'sandbox.result',
    exitCode: 0,
    passed: true,
    durationMs: 1200,
    timedOut: false,
    oom: false,
    ...overrides,
  };
}

/** Output of a run, as it comes. */
export function sandboxOutput(stream: 'stdout' | 'stderr', chunk: string): RunEventBody {
  return { type: 'sandbox.output', stream, chunk };
}
