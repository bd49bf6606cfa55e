import { Readable } from 'node:stream';
import { Hono } from 'hono';
import type { ApiEnv } from '../http/api-env.ts';
import { clientAddress } from '../http/client-address.ts';
import type { Download } from './export-service.ts';

/**
 * A streamed body arrives in large chunks already (the export's worker joins its ZIP into 64 KiB pieces, since
 * the web stream copies and queues each chunk); a cancelled response (the client went away) destroys it.
 */
function download(download: Download): Response {
  const body =
    typeof download.body === 'string' ? download.body : (Readable.toWeb(download.body) as ReadableStream<Uint8Array>);
  return new Response(body, {
    headers: {
      'Content-Type': download.contentType,
      'Content-Disposition': download.disposition,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...(download.length !== undefined ? { 'Content-Length': String(download.length) } : {}),
    },
  });
}

/** `GET /api/v1/conversations/:id/export?format=json|md|html&branches=active|all`. */
export function conversationExportRoutes() {
  return new Hono<ApiEnv>().get('/:id/export', async (c) =>
    download(await c.var.services.exports.one(c.var.user, c.req.param('id'), c.req.query())),
  );
}

/**
 * `GET /api/v1/exports[?all=true]`: every conversation as a ZIP, streamed as it is built. And the same prepared in
 * the background: `POST /archives[?all=true]` (202, or 200 with the one already under way), `GET /archives`,
 * `GET /archives/:id`, `GET /archives/:id/download`, `DELETE /archives/:id`.
 */
export function exportRoutes() {
  return new Hono<ApiEnv>()
    .get('/', async (c) => download(await c.var.services.exports.archive(c.var.user, c.req.query(), clientAddress(c))))
    .post('/archives', async (c) => {
      const { archive, created } = await c.var.services.exportArchives.request(
        c.var.user,
        c.req.query(),
        clientAddress(c),
      );
      if (created) c.header('Location', `/api/v1/exports/archives/${archive.id}`);
      return c.json({ archive }, created ? 202 : 200);
    })
    .get('/archives', async (c) => c.json({ archives: await c.var.services.exportArchives.list(c.var.user) }))
    .get('/archives/:id', async (c) =>
      c.json({ archive: await c.var.services.exportArchives.get(c.var.user, c.req.param('id')) }),
    )
    .get('/archives/:id/download', async (c) =>
      download(await c.var.services.exportArchives.download(c.var.user, c.req.param('id'))),
    )
    .delete('/archives/:id', async (c) => {
      await c.var.services.exportArchives.remove(c.var.user, c.req.param('id'));
      return c.body(null, 204);
    });
}
