/**
 * Background work, shared by every Kiln process on one database: the server
 * (with in-process workers by default) and any number of `npm run worker`
 * processes. A job is handled by exactly one worker; a handler's return value
 * is kept as the job's output.
 */
export interface JobQueue {
  /**
   * Enqueues a job; resolves with its id once it is durably stored. A worker of this process that handles `name`
   * is woken at once; other processes' workers find it at their next poll.
   */
  send(name: string, data: object, options?: { retries?: number }): Promise<string>;
  /**
   * Handles jobs of `name` in this process until `stop`, up to `concurrency` at once (default 1). A thrown error
   * fails the job (and retries it per policy, unless it was sent with `retries: 0`).
   */
  work(name: string, handler: JobHandler, options?: { concurrency?: number }): Promise<void>;
  /** A job's state and output, or undefined if there is no such job. */
  get(name: string, id: string): Promise<JobRecord | undefined>;
  /** Stops taking jobs, waits for running handlers (up to the adapter's timeout), and disconnects. */
  stop(): Promise<void>;
}

export type JobHandler = (job: { id: string; data: unknown }) => Promise<object | void>;

export interface JobRecord {
  id: string;
  state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
  output: unknown;
}
