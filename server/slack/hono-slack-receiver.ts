import { verifySlackRequest, type App, type Receiver, type ReceiverEvent } from '@slack/bolt';
import type { Context } from 'hono';
import type { Logger } from 'pino';

/** Slack wants every request acknowledged within 3 seconds; Kiln answers well before that. */
const ackDeadlineMs = 2_500;
/** Requests signed longer ago than this, or this far in the future, are refused (replays). */
const maxSkewSeconds = 5 * 60;

/**
 * Bolt's receiver for the Events API, mounted in Kiln's own Hono server at `POST /slack/events` (Bolt's
 * HTTPReceiver and ExpressReceiver each start an HTTP server of their own). Verifies the v0 signature with
 * Bolt's `verifySlackRequest` (HMAC-SHA256 over `v0:timestamp:raw body`, constant-time compare) and the
 * timestamp both ways; answers `url_verification` and `ssl_check`; acknowledges an event at once, before any
 * work, and any other request when its listener acks or at the deadline. A bad signature is 401 and a body
 * that is not a Slack payload 400; neither reaches Bolt.
 */
export class HonoSlackReceiver implements Receiver {
  private app: App | undefined;

  constructor(
    private readonly signingSecret: string,
    private readonly log: Logger,
  ) {}

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  async handle(c: Context): Promise<Response> {
    const raw = await c.req.text();
    const timestamp = Number(c.req.header('x-slack-request-timestamp'));
    const signature = c.req.header('x-slack-signature') ?? '';
    try {
      if (!Number.isInteger(timestamp)) throw new Error('x-slack-request-timestamp is missing or not a number');
      if (timestamp - Math.floor(Date.now() / 1000) > maxSkewSeconds) throw new Error('the request is from the future');
      verifySlackRequest({
        signingSecret: this.signingSecret,
        body: raw,
        headers: { 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature },
      });
    } catch (error) {
      this.log.warn({ reason: (error as Error).message }, 'refused a Slack request that is not signed by Slack');
      return c.json(
        { error: { code: 'invalid_signature', message: 'The request is not signed by Slack, or is stale.' } },
        401,
      );
    }
    const body = parseBody(raw, c.req.header('content-type') ?? '');
    if (!body) {
      return c.json({ error: { code: 'malformed_payload', message: 'The body is not a Slack payload.' } }, 400);
    }
    if (body.ssl_check) return c.body(null, 200);
    if (body.type === 'url_verification') return c.json({ challenge: String(body.challenge ?? '') });
    if (!this.app) return c.json({ error: { code: 'unavailable', message: 'Kiln is starting.' } }, 503);

    const retryNum = Number(c.req.header('x-slack-retry-num'));
    const event: Omit<ReceiverEvent, 'ack'> = {
      body,
      ...(Number.isInteger(retryNum) ? { retryNum } : {}),
      ...(c.req.header('x-slack-retry-reason') ? { retryReason: c.req.header('x-slack-retry-reason') } : {}),
    };
    // Events API: acknowledged now; the work (dedupe, the turn, the answer) goes on after the response.
    if (body.type === 'event_callback') {
      this.dispatch({ ...event, ack: async () => {} });
      return c.body(null, 200);
    }
    // Commands and interactions: their listener acks first thing, possibly with a reply.
    const acked = new Promise<Response>((resolve) => {
      const deadline = setTimeout(() => resolve(c.body(null, 200)), ackDeadlineMs);
      this.dispatch({
        ...event,
        ack: async (reply?: unknown) => {
          clearTimeout(deadline);
          resolve(
            reply === undefined || reply === ''
              ? c.body(null, 200)
              : c.json(typeof reply === 'string' ? { text: reply } : reply),
          );
        },
      });
    });
    return acked;
  }

  private dispatch(event: ReceiverEvent) {
    this.app!.processEvent(event).catch((error: unknown) =>
      this.log.error({ err: error }, 'handling a Slack event failed'),
    );
  }
}

/**
 * JSON (events), a form with `payload` (interactions) or a plain form (slash commands), with the fields Kiln
 * relies on; undefined for anything else.
 */
function parseBody(raw: string, contentType: string): Record<string, unknown> | undefined {
  try {
    if (contentType.startsWith('application/x-www-form-urlencoded')) {
      const form = new URLSearchParams(raw);
      const payload = form.get('payload');
      if (payload !== null) {
        const interaction = objectOrUndefined(JSON.parse(payload));
        return interaction && typeof interaction.type === 'string' ? interaction : undefined;
      }
      const fields = Object.fromEntries(form);
      if ('ssl_check' in fields) return fields;
      return ['command', 'team_id', 'user_id', 'channel_id'].every((field) => typeof fields[field] === 'string')
        ? fields
        : undefined;
    }
    const parsed = objectOrUndefined(JSON.parse(raw));
    if (!parsed || typeof parsed.type !== 'string') return undefined;
    if (parsed.type !== 'event_callback') return parsed;
    const event = objectOrUndefined(parsed.event);
    return event && typeof event.type === 'string' && typeof parsed.event_id === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function objectOrUndefined(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
