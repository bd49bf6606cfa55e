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
    },
  });
}

/** `GET /api/v1/conversations/:id/export?format=json|md|html&branches=active|all`. */
export function conversationExportRoutes() {
  return new Hono<ApiEnv>().get('/:id/export', async (c) =>
    download(await c.var.services.exports.one(c.var.user, c.req.param('id'), c.req.query())),
  );
}

/** `GET /api/v1/exports[?all=true]`: every conversation as a ZIP, streamed. */
export function exportRoutes() {
  return new Hono<ApiEnv>().get('/', async (c) =>
    download(await c.var.services.exports.archive(c.var.user, c.req.query(), clientAddress(c))),
  );
}
