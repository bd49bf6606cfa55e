import { Hono } from 'hono';
import type { UpgradeWebSocket } from 'hono/ws';
import { authRoutes } from '../auth/auth-routes.ts';
import { requireUser } from '../auth/require-user.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { UnavailableError } from '../errors/unavailable-error.ts';
import { feedbackRoutes } from '../feedback/feedback-routes.ts';
import { rawWebSocketHandlers } from '../realtime/raw-websocket.ts';
import type { ApiEnv, ApiServices } from './api-env.ts';
import { conversationRoutes } from './conversation-routes.ts';
import { intentRoutes } from './intent-routes.ts';
import { knowledgeRoutes } from './knowledge-routes.ts';
import { patternRoutes } from './pattern-routes.ts';
import { runRoutes } from '../runs/run-routes.ts';
import { turnRoutes } from './turn-routes.ts';

/** `/api/v1`: the versioned JSON API. Until start-up has finished its routes answer 503, never a half-ready 500. */
export function apiRoutes(options: {
  version: string;
  upgradeWebSocket: UpgradeWebSocket;
  services: () => ApiServices | undefined;
}) {
  return new Hono<ApiEnv>()
    .get('/', (c) => c.json({ name: 'kiln', version: options.version, api: 'v1' }))
    .use('*', async (c, next) => {
      const services = options.services();
      if (!services) throw new UnavailableError('Kiln is still starting; try again in a few seconds.');
      c.set('services', services);
      await next();
    })
    .get(
      '/ws',
      options.upgradeWebSocket((c) =>
        rawWebSocketHandlers({
          version: options.version,
          services: c.var.services,
          authorization: c.req.header('authorization'),
        }),
      ),
    )
    .route('/auth', authRoutes())
    .use('/conversations/*', requireUser)
    .use('/conversations', requireUser)
    .route('/conversations', conversationRoutes())
    .route('/conversations', feedbackRoutes())
    .use('/patterns/*', requireUser)
    .use('/patterns', requireUser)
    .route('/patterns', patternRoutes())
    .use('/knowledge/*', requireUser)
    .use('/knowledge', requireUser)
    .route('/knowledge', knowledgeRoutes())
    .use('/runs/*', requireUser)
    .use('/runs', requireUser)
    .route('/runs', runRoutes())
    .use('/turns/*', requireUser)
    .route('/turns', turnRoutes())
    .route('/route', intentRoutes())
    .all('*', (c) => {
      throw new NotFoundError(`API route ${c.req.method} ${c.req.path}`);
    });
}
