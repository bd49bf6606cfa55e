import { Hono } from 'hono';
import type { HonoSlackReceiver } from './hono-slack-receiver.ts';

/** What answers `POST /slack/events`: the receiver, or why there is none (the adapter is off, in Socket Mode, starting). */
export type SlackEventsEndpoint = HonoSlackReceiver | { status: 404 | 503; code: string; message: string };

/** `POST /slack/events`, the Events API's request URL (see `slack/manifest.yml`). */
export function slackEventRoutes(endpoint: () => SlackEventsEndpoint) {
  return new Hono().post('/events', async (c) => {
    const current = endpoint();
    if ('handle' in current) return current.handle(c);
    return c.json({ error: { code: current.code, message: current.message } }, current.status);
  });
}
