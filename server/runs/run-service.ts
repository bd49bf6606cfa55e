import type { UserQuotas } from '../quotas/user-quotas.ts';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { SandboxConfig } from '../../platform/config/config.ts';
import { isFinalRunEvent, runLanguages, type RunEvent, type RunView } from '../../protocol/runs.ts';
import type { User } from '../../protocol/user.ts';
import { dispatchRuns } from '../../workers/jobs/sandbox-run-job.ts';
import type { JobQueue } from '../../workers/queue/job-queue.ts';
import type { RunRepository } from '../../workers/runs/run-store.ts';
import type { SandboxChoice } from '../../workers/sandbox/choose-sandbox.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { UnavailableError } from '../errors/unavailable-error.ts';
import { parseInput } from '../validation/parse-input.ts';
import type { RunEventListener } from './run-event-listener.ts';

const maxCodeLength = 200_000;

/** NUL characters are refused by `parseInput`, for every field. */
function runRequestSchema(maxTimeoutMs: number) {
  const text = (max: number) =>
    z.string({ message: 'must be text' }).max(max, `must be at most ${max.toLocaleString('en')} characters`);
  return z
    .object({
      language: z.enum(runLanguages, { message: `must be one of ${runLanguages.join(', ')}` }),
      code: text(maxCodeLength).refine((code) => code.trim().length > 0, 'must not be empty'),
      tests: text(maxCodeLength).optional(),
      stdin: text(1024 * 1024).optional(),
      timeoutMs: z
        .number({ message: 'must be a number of milliseconds' })
        .int('must be a whole number of milliseconds')
        .min(100, 'must be at least 100 ms')
        .max(maxTimeoutMs, `must be at most ${maxTimeoutMs.toLocaleString('en')} ms`)
        .optional(),
      patternIds: z.array(z.string().min(1).max(200)).max(20).optional(),
    })
    .strict();
}

/** How often a reader looks for new events when no notification came (a lost one delays, never loses, events). */
const pollMs = 1_000;

/**
 * Runs for the API: validated, refused with the sandbox's reason when code execution is off (never run on the
 * host), stored, and handed to the job queue as the user's share allows. Another user's run is not found.
 */
export class RunService {
  private readonly schema: ReturnType<typeof runRequestSchema>;

  constructor(
    private readonly dependencies: {
      runs: RunRepository;
      queue: JobQueue;
      listener: Pick<RunEventListener, 'watch'>;
      sandbox: () => SandboxChoice | undefined;
      config: Pick<SandboxConfig, 'defaultTimeoutMs' | 'maxTimeoutMs' | 'runsPerUser'>;
      /** Per-user runs per hour (absent: none). */
      quotas?: Pick<UserQuotas, 'admitRun'>;
      newId?: () => string;
    },
  ) {
    this.schema = runRequestSchema(dependencies.config.maxTimeoutMs);
  }

  async create(user: User, input: unknown): Promise<{ runId: string }> {
    const request = parseInput(this.schema, input, 'body');
    const choice = this.dependencies.sandbox();
    if (!choice?.sandbox) {
      throw new UnavailableError(
        choice
          ? `Code cannot run here: ${choice.reason}.`
          : 'The sandbox is still being checked; try again in a few seconds.',
      );
    }
    await this.dependencies.quotas?.admitRun(user.id);
    const runId = (this.dependencies.newId ?? randomUUID)();
    await this.dependencies.runs.create({
      id: runId,
      ownerId: user.id,
      language: request.language,
      code: request.code,
      tests: request.tests ?? null,
      stdin: request.stdin ?? null,
      timeoutMs: request.timeoutMs ?? this.dependencies.config.defaultTimeoutMs,
      patternIds: request.patternIds ?? [],
    });
    await dispatchRuns(this.dependencies.queue, this.dependencies.runs, user.id, this.dependencies.config.runsPerUser);
    return { runId };
  }

  /**
   * Ends the runs a crashed process left running (or handed to the queue and never started) for longer than the
   * longest run may take, and lets their owners' waiting runs go. Answers how many owners were affected.
   */
  async recoverAbandoned(): Promise<number> {
    const { runs, queue, config } = this.dependencies;
    const owners = await runs.abandon(config.maxTimeoutMs + 60_000);
    for (const owner of owners) await dispatchRuns(queue, runs, owner, config.runsPerUser);
    return owners.length;
  }

  async get(user: User, runId: string): Promise<RunView> {
    const run = z.uuid().safeParse(runId).success ? await this.dependencies.runs.find(runId, user.id) : undefined;
    if (!run) throw new NotFoundError('Run');
    return run;
  }

  /** The run's events after `afterSeq`, as they come, ending after its final one (or when `signal` aborts). */
  async *events(user: User, runId: string, afterSeq: number, signal: AbortSignal): AsyncGenerator<RunEvent> {
    await this.get(user, runId);
    let last = afterSeq;
    let wake: (() => void) | undefined;
    const stopWatching = this.dependencies.listener.watch(runId, () => wake?.());
    const onAbort = () => wake?.();
    signal.addEventListener('abort', onAbort);
    try {
      while (!signal.aborted) {
        // Listen before reading, so an event written between the read and the wait still wakes this reader.
        const woken = new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, pollMs).unref();
        });
        const events = await this.dependencies.runs.eventsAfter(runId, last);
        for (const event of events) {
          last = event.seq;
          yield event;
          if (isFinalRunEvent(event)) return;
        }
        if (events.length === 0) await woken;
      }
    } finally {
      stopWatching();
      signal.removeEventListener('abort', onAbort);
    }
  }
}
