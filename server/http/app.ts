import { createNodeWebSocket } from '@hono/node-ws';
import { Hono } from 'hono';
import { except } from 'hono/combine';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Logger } from 'pino';
import type { SecurityConfig } from '../../platform/config/config.ts';
import type { ReadinessReport } from '../../platform/infrastructure/readiness.ts';
import type { KilnMcpServices } from '../mcp/kiln-mcp-server.ts';
import { mcpRoutes } from '../mcp/mcp-routes.ts';
import { slackEventRoutes, type SlackEventsEndpoint } from '../slack/slack-event-routes.ts';
import type { ApiServices } from './api-env.ts';
import { apiRoutes } from './api-routes.ts';
import { bodySizeLimits } from './body-limits.ts';
import { proxyTrust } from './client-address.ts';
import { clientRoutes } from './client-routes.ts';
import { csrfProtection } from './csrf-protection.ts';
import { errorHandler } from './error-handler.ts';
import { healthRoutes } from './health-routes.ts';
import { hostAndOriginChecks } from './host-and-origin-checks.ts';
import type { HttpMetrics } from './http-metrics.ts';
import { requestLogging } from './request-logging.ts';

export interface AppDependencies {
  log: Logger;
  metrics: HttpMetrics;
  readiness(): Promise<ReadinessReport>;
  /** The folder holding the built client (`index.html` and its assets). */
  clientDirectory: string;
  version: string;
  /** Public origins, proxy trust, the metrics token, sign-up mode and quotas (KILN_PUBLIC_URL …). */
  security: SecurityConfig;
  /** The API's services; undefined while Kiln starts (the API answers 503 meanwhile). */
  services(): ApiServices | undefined;
  /** What `/mcp` answers from; undefined while Kiln starts (503). Without it there is no `/mcp`. */
  mcpServices?(): KilnMcpServices | undefined;
  /** What answers Slack's Events API at `/slack/events` (without it there is no such route). */
  slackEvents?(): SlackEventsEndpoint;
}

/**
 * The Hono app: probes, the `/api/v1` router, `/mcp` and the client. Returns the
 * `injectWebSocket` that the HTTP server hands WebSocket upgrades to (see
 * `attachRealtime`).
 */
export function createApp(dependencies: AppDependencies) {
  const app = new Hono();
  const { injectWebSocket, upgradeWebSocket, wss } = createNodeWebSocket({ app });
  app.use(requestId({ headerName: 'X-Request-Id' }));
  app.use(requestLogging(dependencies.log, dependencies.metrics));
  app.use(secureHeaders({ crossOriginEmbedderPolicy: false }));
  app.use(proxyTrust(dependencies.security.trustProxy));
  // Before every route, `/mcp` and the raw WebSocket's upgrade included: DNS rebinding and foreign pages stop here.
  app.use(hostAndOriginChecks(dependencies.security.publicOrigins));
  // Before any route reads a body: an oversized one is refused without being read.
  app.use(bodySizeLimits());
  // Writes authenticated by the session cookie need the CSRF token. Sign-in and sign-up take no credential (and
  // JSON only, which a foreign page cannot send without asking), so the page needs no token before it has one.
  app.use('/api/v1/*', except(['/api/v1/auth/login', '/api/v1/auth/register'], csrfProtection()));
  app.use('/mcp', csrfProtection());
  app.route('/', healthRoutes(dependencies));
  app.route('/api/v1', apiRoutes({ version: dependencies.version, upgradeWebSocket, services: dependencies.services }));
  if (dependencies.mcpServices)
    app.route('/mcp', mcpRoutes({ services: dependencies.mcpServices, log: dependencies.log }));
  if (dependencies.slackEvents) app.route('/slack', slackEventRoutes(dependencies.slackEvents));
  app.use(clientRoutes(dependencies.clientDirectory));
  app.notFound((c) =>
    c.json({ error: { code: 'not_found', message: `Nothing at ${c.req.path}`, requestId: c.get('requestId') } }, 404),
  );
  app.onError(errorHandler(dependencies.log));
  return { app, injectWebSocket, rawWebSockets: wss };
}
