import type { PatternDetailsView, PatternView } from '../../protocol/pattern-view.ts';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Pattern } from '../../knowledge/patterns/pattern.ts';
import { patternNodeId } from '../../knowledge/graph/graph-store.ts';
import { ForbiddenError } from '../errors/forbidden-error.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { UnavailableError } from '../errors/unavailable-error.ts';
import { parseInput } from '../validation/parse-input.ts';
import type { ApiEnv } from './api-env.ts';

const searchSchema = z.object({
  q: z.string().trim().min(1, 'is required').max(2_000),
  k: z.coerce.number().int().min(1).max(50).default(10),
  language: z.string().trim().min(1).max(40).optional(),
  projectId: z.uuid({ message: 'must be a project id' }).optional(),
});
const listSchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  language: z.string().trim().min(1).max(40).optional(),
});
const patternParameters = z.object({ id: z.string() });

/** The `:id` of the path, validated like any other input (a NUL character in it must not reach Postgres). */
const patternId = (c: Context<ApiEnv>) => parseInput(patternParameters, c.req.param(), 'pattern id').id;

const summaryOf = (pattern: Pattern) => ({
  id: pattern.id,
  title: pattern.title,
  summary: pattern.summary,
  language: pattern.language,
  tags: pattern.tags,
  source: pattern.source,
  stats: pattern.stats,
  status: pattern.status,
});

/** A pattern as this user may see it: a project's pattern is its members' alone (anyone else: 404). */
async function visiblePattern(c: Context<ApiEnv>): Promise<Pattern> {
  const pattern = await c.var.services.knowledge.patterns.findById(patternId(c));
  if (!pattern) throw new NotFoundError('Pattern');
  if (pattern.projectId) {
    await c.var.services.projects
      .requireRole(c.var.user, pattern.projectId, 'viewer', 'read it')
      .catch((error: unknown) => {
        throw error instanceof NotFoundError ? new NotFoundError('Pattern') : error;
      });
  }
  return pattern;
}

/** Retiring and restoring patterns changes what everyone's answers draw on: admins only. */
function requireAdmin(c: Context<ApiEnv>) {
  if (c.var.user.role !== 'admin') {
    throw new ForbiddenError('Only an admin can retire or restore patterns; ask your Kiln admin.');
  }
}

/**
 * `/api/v1/patterns`: search the pattern store (hybrid, with per-source scores), list it, open one pattern
 * with its neighbours and history; admins retire a pattern from retrieval (`POST /:id/retire`) and restore it.
 */
export function patternRoutes() {
  return new Hono<ApiEnv>()
    .get('/search', async (c) => {
      const { q, k, language, projectId } = parseInput(searchSchema, c.req.query(), 'search');
      // A project is searched only by its members; to anyone else it does not exist.
      if (projectId) await c.var.services.projects.requireRole(c.var.user, projectId, 'viewer', 'search it');
      let found;
      try {
        found = await c.var.services.knowledge.retriever.search(q, { k, language, projectId });
      } catch (error) {
        throw new UnavailableError('Pattern search is unavailable right now; try again shortly.', { cause: error });
      }
      return c.json({
        results: found.results.map(({ pattern, score, relevance, sources }) => ({
          id: pattern.id,
          title: pattern.title,
          language: pattern.language,
          score,
          relevance,
          sources,
          source: pattern.source,
          ...(pattern.projectId ? { projectId: pattern.projectId } : {}),
          stats: pattern.stats,
          status: pattern.status,
        })),
        notices: found.notices,
      });
    })
    .get('/', async (c) => {
      const { limit, offset, language } = parseInput(listSchema, c.req.query(), 'query');
      const { patterns, total } = await c.var.services.knowledge.patterns.list({ limit, offset, language });
      return c.json({ patterns: patterns.map(summaryOf), total, limit, offset });
    })
    .get('/:id', async (c) => {
      const { knowledge } = c.var.services;
      const pattern = await visiblePattern(c);
      const [neighbours, history] = await Promise.all([
        knowledge.graph.neighbours([patternNodeId(pattern.id)]).catch(() => undefined),
        knowledge.learning.history(pattern.id),
      ]);
      return c.json({
        ...pattern,
        neighbours: neighbours?.map(({ edge, direction, node }) => ({ edge, direction, node })) ?? null,
        ...(neighbours ? {} : { notice: 'The knowledge graph is unavailable; related patterns are not shown.' }),
        history,
      } satisfies PatternDetailsView);
    })
    .post('/:id/retire', async (c) => {
      requireAdmin(c);
      await visiblePattern(c);
      const pattern = await c.var.services.knowledge.learning.retire(patternId(c), c.var.user.id);
      if (!pattern) throw new NotFoundError('Pattern');
      return c.json(pattern satisfies PatternView);
    })
    .post('/:id/restore', async (c) => {
      requireAdmin(c);
      await visiblePattern(c);
      const pattern = await c.var.services.knowledge.learning.restore(patternId(c));
      if (!pattern) throw new NotFoundError('Pattern');
      return c.json(pattern satisfies PatternView);
    });
}
