import { Hono } from 'hono';
import type { ReadinessReport } from '../../platform/infrastructure/readiness.ts';
import type { HttpMetrics } from './http-metrics.ts';
import { metricsAccess } from './metrics-access.ts';

export interface HealthDependencies {
  /** Readiness of every dependency; `ready` is false until start-up has finished and once shutdown has begun. */
  readiness(): Promise<ReadinessReport>;
  metrics: HttpMetrics;
  version: string;
  /** KILN_METRICS_TOKEN; unset: only clients on this machine may scrape `/metrics`. */
  security: { metricsToken: string | undefined };
}

/** `/health` (the process answers), `/ready` (each dependency, 503 until ready), `/metrics` (Prometheus, see `metricsAccess`). */
export function healthRoutes(dependencies: HealthDependencies) {
  const started = Date.now();
  return new Hono()
    .get('/health', (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({
        status: 'ok',
        version: dependencies.version,
        uptimeSeconds: Math.round((Date.now() - started) / 1000),
      });
    })
    .get('/ready', async (c) => {
      const report = await dependencies.readiness();
      c.header('Cache-Control', 'no-store');
      return c.json(report, report.ready ? 200 : 503);
    })
    .get('/metrics', metricsAccess(dependencies.security.metricsToken), async (c) => {
      const { registry } = dependencies.metrics;
      return c.body(await registry.metrics(), 200, { 'Content-Type': registry.contentType });
    });
}
