import { Hono, type Context } from 'hono';
import type { ApiEnv } from '../http/api-env.ts';
import { readJson } from '../http/read-json.ts';
import { formatSse, heartbeatMs } from '../http/turn-sse.ts';

/**
 * `/api/v1/runs`: code run in the sandbox.
 * - `POST /` `{ language, code, tests?, stdin?, timeoutMs?, patternIds? }`: 202 `{ runId }`, or with
 *   `Accept: text/event-stream` the run's events as they come (`sandbox.output`, then `sandbox.result`).
 * - `GET /:id`: the run, its verdict and capped output.
 * - `GET /:id/events`: its events as SSE, after `Last-Event-ID` (or `?after=`), ending with the final one.
 */
export function runRoutes() {
  return new Hono<ApiEnv>()
    .post('/', async (c) => {
      const { runId } = await c.var.services.runs.create(c.var.user, await readJson(c));
      if (c.req.header('accept')?.includes('text/event-stream')) return streamRun(c, runId, 0);
      return c.json({ runId }, 202, { Location: `/api/v1/runs/${runId}` });
    })
    .get('/:id', async (c) => c.json(await c.var.services.runs.get(c.var.user, c.req.param('id'))))
    .get('/:id/events', async (c) => {
      const after = Number(c.req.header('last-event-id') ?? c.req.query('after') ?? 0);
      const runId = c.req.param('id');
      await c.var.services.runs.get(c.var.user, runId);
      return streamRun(c, runId, Number.isSafeInteger(after) && after > 0 ? after : 0);
    });
}

function streamRun(c: Context<ApiEnv>, runId: string, afterSeq: number): Response {
  const { runs } = c.var.services;
  const user = c.var.user;
  const encoder = new TextEncoder();
  const abort = new AbortController();
  let heartbeat: NodeJS.Timeout | undefined;
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      heartbeat = setInterval(() => controller.enqueue(encoder.encode(': keep-alive\n\n')), heartbeatMs);
      try {
        for await (const event of runs.events(user, runId, afterSeq, abort.signal)) {
          controller.enqueue(encoder.encode(formatSse(event)));
        }
        controller.close();
      } catch (error) {
        controller.error(error);
      } finally {
        clearInterval(heartbeat);
      }
    },
    cancel() {
      clearInterval(heartbeat);
      abort.abort();
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
