import { createHmac, timingSafeEqual } from 'node:crypto';

export type WebhookVerification =
  | { ok: true; timestamp: number }
  | { ok: false; reason: 'malformed-header' | 'timestamp-out-of-range' | 'signature-mismatch' };

function hmacHex(secret: string, timestamp: number, rawBody: string | Buffer): string {
  // The timestamp is signed too, so an old request cannot be replayed with a fresh `t=`.
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/** Builds the `t=<unix seconds>,v1=<hex hmac>` header (the scheme Stripe uses); for senders and tests. */
export function signWebhook(secret: string, rawBody: string | Buffer, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, rawBody)}`;
}

/**
 * Checks a webhook's signature header against the raw request body.
 *
 * `rawBody` must be the exact bytes received (e.g. `await c.req.text()`), not JSON that was parsed and
 * re-serialized: any whitespace or key-order change breaks the signature. Several `v1=` entries are
 * accepted, so the sender can rotate secrets.
 */
export function verifyWebhookSignature(
  secret: string,
  rawBody: string | Buffer,
  header: string | null | undefined,
  { toleranceSeconds = 300 }: { toleranceSeconds?: number } = {},
): WebhookVerification {
  if (!header) return { ok: false, reason: 'malformed-header' };
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value && /^\d+$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && value) signatures.push(value);
  }
  if (timestamp === undefined || signatures.length === 0) return { ok: false, reason: 'malformed-header' };
  if (Math.abs(Date.now() / 1000 - timestamp) > toleranceSeconds) return { ok: false, reason: 'timestamp-out-of-range' };

  const expected = Buffer.from(hmacHex(secret, timestamp, rawBody));
  const matches = signatures.some((signature) => {
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? { ok: true, timestamp } : { ok: false, reason: 'signature-mismatch' };
}
