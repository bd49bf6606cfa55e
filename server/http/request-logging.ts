import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Logger } from 'pino';
import type { HttpMetrics } from './http-metrics.ts';

/** Logs each request once it is answered (with its request id) and records it in the metrics. */
export function requestLogging(log: Logger, metrics: HttpMetrics): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    // The most specific matched pattern; the client's catch-all middleware leaves '/*' (one label for all pages).
    const route = matchedRoutes(c).findLast((matched) => matched.path !== '/*')?.path ?? '/*';
    metrics.observe(c.req.method, route, c.res.status, seconds);
    const entry = {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(seconds * 10_000) / 10,
    };
    if (c.res.status >= 500) log.error(entry, 'request failed');
    else if (c.req.path === '/health' || c.req.path === '/ready' || c.req.path === '/metrics')
      log.debug(entry, 'probe');
    else log.info(entry, 'request');
  };
}
