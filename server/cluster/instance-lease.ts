import type { Logger } from 'pino';
import type { Sql } from '../../platform/database/sql-query.ts';

/** How often a server renews its lease, and how long a lapsed one takes to count as a dead server. */
export const leaseTimings = { heartbeatMs: 5_000, lapseMs: 15_000 };

/**
 * This server's lease in `kiln_instances`, renewed every `heartbeatMs`. At each renewal the server also sweeps:
 * `sweep` closes the turns of servers whose lease lapsed (`lapseMs` without a heartbeat: killed, or cut off), so
 * a turn of a dead server is closed within `lapseMs` + `heartbeatMs` (20 s) by whichever survivor sweeps first.
 * A server that stops cleanly gives its lease back.
 */
export class InstanceLease {
  private timer: NodeJS.Timeout | undefined;
  private sweeping = Promise.resolve();

  constructor(
    private readonly sql: Sql,
    readonly instanceId: string,
    private readonly sweep: (lapseMs: number) => Promise<void>,
    private readonly log: Logger,
    private readonly timings = leaseTimings,
  ) {}

  async start(): Promise<void> {
    await this.renew();
    this.timer = setInterval(() => {
      this.sweeping = this.sweeping.then(() =>
        this.renew()
          .then(() => this.sweep(this.timings.lapseMs))
          .catch((error: unknown) => this.log.warn({ err: error }, 'renewing the lease or sweeping failed')),
      );
    }, this.timings.heartbeatMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
    await this.sql.query(`DELETE FROM kiln_instances WHERE id = $1`, [this.instanceId]);
  }

  private async renew() {
    // Leases lapsed for a day are someone's old servers: forgotten, their turns long closed.
    await this.sql.query(
      `WITH forgotten AS (DELETE FROM kiln_instances WHERE heartbeat_at < now() - interval '1 day')
       INSERT INTO kiln_instances (id) VALUES ($1) ON CONFLICT (id) DO UPDATE SET heartbeat_at = now()`,
      [this.instanceId],
    );
  }
}
