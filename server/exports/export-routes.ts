import { pipeline, Readable } from 'node:stream';
import { Hono } from 'hono';
import type { ApiEnv } from '../http/api-env.ts';
import { clientAddress } from '../http/client-address.ts';
import { coalesceChunks } from './coalesce-chunks.ts';
import type { Download } from './export-service.ts';

/** A cancelled response (the client went away) destroys the coalescer, and `pipeline` then the body's stream. */
function webStream(body: Readable): ReadableStream<Uint8Array> {
  const coalesced = pipeline(body, coalesceChunks(), () => undefined);
  return Readable.toWeb(coalesced) as ReadableStream<Uint8Array>;
}

function download(download: Download): Response {
  const body = typeof download.body === 'string' ? download.body : webStream(download.body);
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
