import { Hono } from 'hono';
import type { UpgradeWebSocket } from 'hono/ws';
import { authRoutes } from '../auth/auth-routes.ts';
import { apiKeyRoutes } from '../auth/api-key-routes.ts';
import { requireScope } from '../auth/require-scope.ts';
import { requireAdmin } from '../auth/require-admin.ts';
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
import { projectRoutes } from '../projects/project-routes.ts';
import { slackLinkRoutes } from '../slack/slack-link-routes.ts';
import { conversationExportRoutes, exportRoutes } from '../exports/export-routes.ts';
import { importRoutes } from '../exports/import-routes.ts';
import { turnRoutes } from './turn-routes.ts';
import { auditRoutes } from '../audit/audit-routes.ts';
import { usageRoutes } from '../usage/usage-routes.ts';
import { accountAdminRoutes } from '../admin/account-admin-routes.ts';

/** `/api/v1`: the versioned JSON API. Until start-up has finished its routes answer 503, never a half-ready 500. */
export function apiRoutes(options: {
  version: string;
  upgradeWebSocket: UpgradeWebSocket;
  services: () => ApiServices | undefined;
}) {
  return (
    new Hono<ApiEnv>()
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
            cookie: c.req.header('cookie'),
          }),
        ),
      )
      .route('/auth', authRoutes())
      .use('/api-keys/*', requireUser)
      .use('/api-keys', requireUser)
      .route('/api-keys', apiKeyRoutes())
      .use('/conversations/*', requireUser, requireScope('chat'))
      .use('/conversations', requireUser, requireScope('chat'))
      .route('/conversations', conversationRoutes())
      .route('/conversations', feedbackRoutes())
      .route('/conversations', conversationExportRoutes())
      .use('/exports/*', requireUser, requireScope('chat'))
      .use('/exports', requireUser, requireScope('chat'))
      .route('/exports', exportRoutes())
      .use('/imports', requireUser, requireScope('chat'))
      .route('/imports', importRoutes())
      // Reading patterns is patterns:read; retiring and restoring them is an admin's (the routes check the role).
      .use('/patterns/*', requireUser, requireScope('admin', 'patterns:read'))
      .use('/patterns', requireUser, requireScope('admin', 'patterns:read'))
      .route('/patterns', patternRoutes())
      .use('/knowledge/*', requireUser, requireScope('admin', 'patterns:read'))
      .use('/knowledge', requireUser, requireScope('admin', 'patterns:read'))
      .route('/knowledge', knowledgeRoutes())
      .use('/projects/*', requireUser, requireScope('projects'))
      .use('/projects', requireUser, requireScope('projects'))
      .route('/projects', projectRoutes())
      .use('/slack/*', requireUser, requireScope('chat'))
      .use('/slack', requireUser, requireScope('chat'))
      .route('/slack', slackLinkRoutes())
      .use('/runs/*', requireUser, requireScope('runs'))
      .use('/runs', requireUser, requireScope('runs'))
      .route('/runs', runRoutes())
      .use('/turns/*', requireUser, requireScope('chat'))
      .route('/turns', turnRoutes())
      .use('/route', requireUser, requireScope('chat'))
      .route('/route', intentRoutes())
      .use('/admin/usage', requireUser, requireScope('admin'), requireAdmin)
      .route('/admin/usage', usageRoutes())
      .use('/admin/audit', requireUser, requireScope('admin'), requireAdmin)
      .route('/admin/audit', auditRoutes())
      .route('/admin', accountAdminRoutes())
      .all('*', (c) => {
        throw new NotFoundError(`API route ${c.req.method} ${c.req.path}`);
      })
  );
}
