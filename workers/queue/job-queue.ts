/**
 * Background work, shared by every Kiln process on one database: the server
 * (with in-process workers by default) and any number of `npm run worker`
 * processes. A job is handled by exactly one worker; a handler's return value
 * is kept as the job's output.
 */
export interface JobQueue {
  /**
   * Enqueues a job; resolves with its id once it is durably stored. A worker of this process that handles `name`
   * is woken at once; other processes' workers find it at their next poll. A job whose worker died is taken
   * again (if it has retries left) once it has been active for `expireInSeconds` (default 15 minutes): the
   * handler must finish well within that, or it may run twice at once.
   */
  send(name: string, data: object, options?: SendOptions): Promise<string>;
  /**
   * Handles jobs of `name` in this process until `stop`, up to `concurrency` at once (default 1). A thrown error
   * fails the job (and retries it per policy, unless it was sent with `retries: 0`). With `batchSize`, each of
   * the `concurrency` workers takes up to that many jobs at once and runs them together (for many short jobs:
   * one poll for all of them, rather than a poll per job).
   */
  work(name: string, handler: JobHandler, options?: { concurrency?: number; batchSize?: number }): Promise<void>;
  /** A job's state and output, or undefined if there is no such job. */
  get(name: string, id: string): Promise<JobRecord | undefined>;
  /** Stops taking jobs, waits for running handlers (up to the adapter's timeout), and disconnects. */
  stop(): Promise<void>;
}

export interface SendOptions {
  /** How many times a failed (or abandoned) job is tried again; default 2. */
  retries?: number;
  expireInSeconds?: number;
}

export type JobHandler = (job: { id: string; data: unknown }) => Promise<object | void>;

export interface JobRecord {
  id: string;
  state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
  output: unknown;
}
