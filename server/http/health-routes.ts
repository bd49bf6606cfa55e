import { Hono } from 'hono';
import type { ReadinessReport } from '../../platform/infrastructure/readiness.ts';
import type { HttpMetrics } from './http-metrics.ts';

export interface HealthDependencies {
  /** Readiness of every dependency; `ready` is false until start-up has finished and once shutdown has begun. */
  readiness(): Promise<ReadinessReport>;
  metrics: HttpMetrics;
  version: string;
}

/** `/health` (the process answers), `/ready` (each dependency, 503 until ready), `/metrics` (Prometheus). */
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
    .get('/metrics', async (c) => {
      const { registry } = dependencies.metrics;
      return c.body(await registry.metrics(), 200, { 'Content-Type': registry.contentType });
    });
}
