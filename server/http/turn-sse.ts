import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Context } from 'hono';
import { isFinalEvent, type TurnEvent } from '../../protocol/turn-events.ts';
import type { TurnLog } from '../chat/turn-log.ts';

/** One turn or run event as a Server-Sent Event: `id` is the seq (so Last-Event-ID resumes), `event` the type. */
export function formatSse(event: { seq: number; type: string }): string {
  return `id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** How often an idle event stream sends a comment, so proxies and browsers keep it open. */
export const heartbeatMs = 15_000;

/**
 * Streams a turn's events after `afterSeq` as SSE and ends after its final
 * event. Written straight to Node's response: Hono's streaming helper costs
 * several times the CPU per token. The turn goes on if the client leaves.
 */
export function streamTurnAsSse(c: Context, turnLog: TurnLog, requestedAfter: number): Response {
  // A client cannot have seen events the turn does not have yet: a Last-Event-ID past them (forged, or from
  // another turn) resumes from the latest, so the stream still ends with the turn.
  const last = turnLog.events.at(-1);
  const afterSeq = Math.min(requestedAfter, last?.seq ?? 0);
  const headers = sseHeaders(c);
  // Resumed after the final event: nothing is left to send.
  if (last && isFinalEvent(last) && afterSeq >= last.seq) return new Response('', { status: 200, headers });
  const outgoing = (c.env as HttpBindings | undefined)?.outgoing;
  if (!outgoing) return streamAsWebResponse(turnLog, afterSeq, headers);

  outgoing.writeHead(200, headers);
  outgoing.socket?.setNoDelay(true);
  const heartbeat = setInterval(() => outgoing.write(': keep-alive\n\n'), heartbeatMs);
  const unsubscribe = turnLog.subscribe(afterSeq, (event) => {
    outgoing.write(formatSse(event));
    if (isFinalEvent(event)) {
      clearInterval(heartbeat);
      outgoing.end();
    }
  });
  outgoing.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
  return RESPONSE_ALREADY_SENT;
}

/** The same stream as a web Response, where no Node response is at hand (`app.request` in tests). */
function streamAsWebResponse(turnLog: TurnLog, afterSeq: number, headers: Record<string, string>): Response {
  const encoder = new TextEncoder();
  const abort = new AbortController();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      for await (const event of turnLog.iterate(afterSeq, abort.signal))
        controller.enqueue(encoder.encode(formatSse(event)));
      controller.close();
    },
    cancel() {
      abort.abort();
    },
  });
  return new Response(body, { status: 200, headers });
}

/**
 * A turn this process does not hold, streamed as SSE from `follow` (the turn directory's): what was streamed
 * so far, then the rest as it arrives, ending after the final event. Undefined when `follow` finds no such turn
 * (nothing is written then, so the caller can answer 404). A web stream: these are rare (a resume landing on
 * another server than the turn's), so the direct writes above are not worth it here.
 */
export async function streamFollowedTurnAsSse(
  c: Context,
  follow: (listener: (event: TurnEvent) => void) => Promise<{ stop: () => void; ended: boolean } | undefined>,
): Promise<Response | undefined> {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  let heartbeat: NodeJS.Timeout | undefined;
  let followed: { stop: () => void; ended: boolean } | undefined;
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    followed?.stop();
    controller.close();
  };
  const body = new ReadableStream<Uint8Array>({
    start: (streamController) => {
      controller = streamController;
    },
    cancel: () => {
      closed = true;
      clearInterval(heartbeat);
      followed?.stop();
    },
  });
  followed = await follow((event) => {
    if (closed) return;
    controller.enqueue(encoder.encode(formatSse(event)));
    if (isFinalEvent(event)) close();
  });
  if (!followed) return undefined;
  if (followed.ended) close();
  else heartbeat = setInterval(() => controller.enqueue(encoder.encode(': keep-alive\n\n')), heartbeatMs);
  return new Response(body, { status: 200, headers: sseHeaders(c) });
}

function sseHeaders(c: Context): Record<string, string> {
  return {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
    'X-Content-Type-Options': 'nosniff',
    'X-Request-Id': String(c.get('requestId') ?? ''),
  };
}
