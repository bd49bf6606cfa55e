import { createHmac } from 'node:crypto';

/** How the body is encoded: JSON for the Events API, a form for slash commands and interactivity (`payload=…`). */
export type SlackBodyType = 'application/json' | 'application/x-www-form-urlencoded';

/**
 * The headers Slack sends with a request to an app's HTTP endpoint: the timestamp and the v0 signature, an
 * HMAC-SHA256 (keyed by the app's signing secret) of `v0:${timestamp}:${body}`, in hex. `body` must be the exact
 * bytes sent. An old `timestampSec` (more than 5 minutes) makes a request a verifier must refuse as a replay.
 */
export function signSlackRequest(
  secret: string,
  body: string,
  timestampSec = Math.floor(Date.now() / 1000),
  contentType: SlackBodyType = 'application/json',
): Record<'x-slack-request-timestamp' | 'x-slack-signature' | 'content-type', string> {
  const signature = createHmac('sha256', secret).update(`v0:${timestampSec}:${body}`).digest('hex');
  return {
    'x-slack-request-timestamp': String(timestampSec),
    'x-slack-signature': `v0=${signature}`,
    'content-type': contentType,
  };
}
