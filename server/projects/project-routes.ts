import { Hono } from 'hono';
import type { ApiEnv } from '../http/api-env.ts';
import { readJson } from '../http/read-json.ts';

/**
 * `/api/v1/projects`: projects, their sources and members. A source is added as JSON (`{ type: "folder", path }`
 * or `{ type: "git", url }`) or as a multipart upload of an archive (field `file`); either answers 202 with the
 * queued source, whose progress then comes as `project:source` socket events.
 */
export function projectRoutes() {
  return new Hono<ApiEnv>()
    .get('/', async (c) => c.json(await c.var.services.projects.list(c.var.user)))
    .post('/', async (c) => c.json(await c.var.services.projects.create(c.var.user, await readJson(c)), 201))
    .get('/:id', async (c) => c.json(await c.var.services.projects.get(c.var.user, c.req.param('id'))))
    .patch('/:id', async (c) =>
      c.json(await c.var.services.projects.rename(c.var.user, c.req.param('id'), await readJson(c))),
    )
    .delete('/:id', async (c) => {
      await c.var.services.projects.delete(c.var.user, c.req.param('id'));
      return c.body(null, 204);
    })
    .post('/:id/sources', async (c) => {
      const projects = c.var.services.projects;
      const multipart = (c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
      const source = multipart
        ? await projects.addArchive(c.var.user, c.req.param('id'), c.req.raw)
        : await projects.addSource(c.var.user, c.req.param('id'), await readJson(c));
      return c.json(source, 202);
    })
    .post('/:id/sources/:sourceId/ingest', async (c) =>
      c.json(await c.var.services.projects.reingest(c.var.user, c.req.param('id'), c.req.param('sourceId')), 202),
    )
    .delete('/:id/sources/:sourceId', async (c) => {
      await c.var.services.projects.removeSource(c.var.user, c.req.param('id'), c.req.param('sourceId'));
      return c.body(null, 204);
    })
    .post('/:id/members', async (c) =>
      c.json(await c.var.services.projects.addMember(c.var.user, c.req.param('id'), await readJson(c)), 201),
    )
    .patch('/:id/members/:userId', async (c) =>
      c.json(
        await c.var.services.projects.changeMember(
          c.var.user,
          c.req.param('id'),
          c.req.param('userId'),
          await readJson(c),
        ),
      ),
    )
    .delete('/:id/members/:userId', async (c) => {
      await c.var.services.projects.removeMember(c.var.user, c.req.param('id'), c.req.param('userId'));
      return c.body(null, 204);
    });
}
