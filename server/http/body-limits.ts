import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

const kibibyte = 1024;
const mebibyte = 1024 * kibibyte;

/**
 * The largest request body each route accepts, checked from `Content-Length` before
 * anything is read (or, for a chunked body, by counting while reading and stopping at the
 * limit). Sized from the schemas: a chat message is at most 32,000 characters; a run may
 * carry 200,000 characters of code, as many of tests and 1 MiB of stdin; credentials are
 * an email, a password and a name.
 */
export const bodyLimits = {
  auth: 16 * kibibyte,
  runs: 4 * mebibyte,
  default: mebibyte,
} as const;

/**
 * 413 `payload_too_large` for a body over its route's limit; the first matching prefix wins. An archive upload
 * to a project (multipart, `POST /api/v1/projects/:id/sources`) is exempt: it is streamed to disk and its own
 * limit (KILN_PROJECT_UPLOAD_MB) is counted as it comes (see receiveUpload), where this middleware would hold
 * a chunked body in memory. So is a conversation import (`POST /api/v1/imports`, KILN_IMPORT_MAX_MB).
 */
export function bodySizeLimits(): MiddlewareHandler {
  const byPrefix: Array<[prefix: string, middleware: MiddlewareHandler]> = [
    ['/api/v1/projects/', (c, next) => (isArchiveUpload(c) ? next() : limited(bodyLimits.default)(c, next))],
    ['/api/v1/imports', (c, next) => (isImportUpload(c) ? next() : limited(bodyLimits.default)(c, next))],
    ['/api/v1/auth/', limited(bodyLimits.auth)],
    ['/api/v1/runs', limited(bodyLimits.runs)],
    ['/', limited(bodyLimits.default)],
  ];
  return (c, next) => byPrefix.find(([prefix]) => c.req.path.startsWith(prefix))![1](c, next);
}

/** A conversation import (multipart, `POST /api/v1/imports`): streamed to disk within KILN_IMPORT_MAX_MB. */
const isImportUpload = (c: Context) =>
  c.req.method === 'POST' &&
  /^\/api\/v1\/imports\/?$/.test(c.req.path) &&
  (c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');

const isArchiveUpload = (c: Context) =>
  c.req.method === 'POST' &&
  /^\/api\/v1\/projects\/[^/]+\/sources\/?$/.test(c.req.path) &&
  (c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');

function limited(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: (c: Context) =>
      c.json(
        {
          error: {
            code: 'payload_too_large',
            message: `The request body is larger than the ${describe(maxSize)} this route accepts.`,
            requestId: c.get('requestId') as string | undefined,
          },
        },
        413,
      ),
  });
}

const describe = (bytes: number) => (bytes >= mebibyte ? `${bytes / mebibyte} MiB` : `${bytes / kibibyte} KiB`);
