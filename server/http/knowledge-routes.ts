import { Hono } from 'hono';
import type { KnowledgeOverview } from '../../protocol/pattern-view.ts';
import type { ApiEnv } from './api-env.ts';

/** `/api/v1/knowledge`: what Kiln has learned and how its patterns fare (any signed-in user). */
export function knowledgeRoutes() {
  return new Hono<ApiEnv>().get('/', async (c) =>
    c.json((await c.var.services.knowledge.learning.overview()) satisfies KnowledgeOverview),
  );
}
