import pg from 'pg';
import type { Logger } from 'pino';
import { runEventsChannel } from '../../workers/runs/run-store.ts';

/**
 * Hears, on one Postgres connection (LISTEN), that a run has new events, from whichever process executes it
 * (an in-process worker or `npm run worker`). Readers still poll slowly (see RunService.events), so a
 * notification lost to a reconnect delays an event by at most that interval, and never loses it.
 */
export class RunEventListener {
  private readonly watchers = new Map<string, Set<() => void>>();
  private readonly channels = new Map<string, (payload: string) => void>();
  private client: pg.Client | undefined;
  private closed = false;

  private constructor(
    private readonly databaseUrl: string,
    private readonly log: Logger,
  ) {}

  static async start(databaseUrl: string, log: Logger): Promise<RunEventListener> {
    const listener = new RunEventListener(databaseUrl, log);
    await listener.connect();
    return listener;
  }

  /** Calls `onEvents` whenever run `runId` has new events, until the returned function is called. */
  watch(runId: string, onEvents: () => void): () => void {
    const watchers = this.watchers.get(runId) ?? new Set();
    watchers.add(onEvents);
    this.watchers.set(runId, watchers);
    return () => {
      watchers.delete(onEvents);
      if (watchers.size === 0) this.watchers.delete(runId);
    };
  }

  /**
   * Also hears another channel on the same connection (a project source's progress, say): `onPayload` gets each
   * notification's payload. Listening starts now and again after each reconnect.
   */
  async hear(channel: string, onPayload: (payload: string) => void): Promise<void> {
    this.channels.set(channel, onPayload);
    await this.client?.query(`LISTEN ${channel}`);
  }

  async close() {
    this.closed = true;
    await this.client?.end().catch(() => undefined);
  }

  private async connect() {
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: 'kiln-run-events' });
    client.on('notification', (message) => {
      const other = this.channels.get(message.channel);
      if (other) return other(message.payload ?? '');
      const runId = message.payload?.split(':')[0];
      for (const watcher of (runId && this.watchers.get(runId)) || []) watcher();
    });
    client.on('error', (error) => {
      this.log.warn({ err: error }, 'the run-event connection failed; reconnecting');
      this.client = undefined;
      if (!this.closed) setTimeout(() => void this.connect().catch(() => undefined), 1_000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${runEventsChannel}`);
    for (const channel of this.channels.keys()) await client.query(`LISTEN ${channel}`);
    this.client = client;
  }
}
