import type {
  RunDiagnostic,
  RunEvent,
  RunEventBody,
  RunLanguage,
  RunResult,
  RunStatus,
  RunView,
} from '../../protocol/runs.ts';

/** What a run needs to execute, as stored. */
export interface RunSpec {
  id: string;
  ownerId: string;
  language: RunLanguage;
  code: string;
  tests: string | null;
  stdin: string | null;
  timeoutMs: number;
  patternIds: string[];
}

/** How a run ended, written once. Output is already capped by the sandbox's limits. */
export interface RunOutcome {
  status: Extract<RunStatus, 'passed' | 'failed' | 'error'>;
  result: RunResult | null;
  error: { code: string; message: string } | null;
  diagnostics: RunDiagnostic[];
  stdout: string;
  stderr: string;
}

/** The Postgres channel on which every appended run event is announced as `<runId>:<seq>`. */
export const runEventsChannel = 'kiln_run_events';

/**
 * Runs as the API sees them. Every read filters by owner: another user's run does not exist.
 * `dispatchable` hands out, at most `perUser` at a time per owner, the oldest queued runs not yet given to the
 * job queue, marking them dispatched in the same transaction (serialised per owner), so two processes never
 * hand out the same run or more than the owner's share.
 */
export interface RunRepository {
  /** Stores the run with its first event, `run.status` queued (seq 1). */
  create(spec: RunSpec): Promise<void>;
  find(id: string, ownerId: string): Promise<RunView | undefined>;
  eventsAfter(id: string, afterSeq: number): Promise<RunEvent[]>;
  dispatchable(ownerId: string, perUser: number): Promise<string[]>;
  /**
   * Ends, as `error` with a `run.error` event, the runs a crashed process left behind: running, or handed to the
   * queue but never started, for longer than `olderThanMs`. Answers the owners, whose waiting runs may now go.
   */
  abandon(olderThanMs: number): Promise<string[]>;
}

/**
 * Runs as the worker executing one sees them: its spec when it starts, its events as they come (each announced
 * on `runEventsChannel`), and its outcome once. `start` answers undefined for a run that is not queued (already
 * taken, or gone), so a job delivered twice runs once.
 */
export interface RunJournal {
  start(id: string): Promise<RunSpec | undefined>;
  append(id: string, events: RunEventBody[]): Promise<void>;
  finish(id: string, outcome: RunOutcome): Promise<void>;
}
