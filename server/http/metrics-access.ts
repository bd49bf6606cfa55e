import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ForbiddenError } from '../errors/forbidden-error.ts';
import { UnauthenticatedError } from '../errors/unauthenticated-error.ts';
import { clientAddress } from './client-address.ts';

/**
 * Who may scrape `/metrics`. With KILN_METRICS_TOKEN: whoever sends `Authorization: Bearer <token>` (401
 * otherwise). Without it: only a client on this machine (403 otherwise). A request relayed by a proxy Kiln
 * does not trust (it carries X-Forwarded-For or Forwarded) is not taken for a local one, although the proxy
 * connects from loopback.
 */
export function metricsAccess(metricsToken: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (metricsToken !== undefined) {
      const sent = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim();
      if (sent === undefined || !sameSecret(sent, metricsToken)) {
        c.header('WWW-Authenticate', 'Bearer realm="kiln-metrics"');
        throw new UnauthenticatedError('/metrics needs "Authorization: Bearer <KILN_METRICS_TOKEN>".');
      }
    } else {
      const relayed = !c.get('trustProxy') && (c.req.header('x-forwarded-for') ?? c.req.header('forwarded'));
      if (relayed || !isLoopback(clientAddress(c)))
        throw new ForbiddenError(
          '/metrics answers only clients on this machine; set KILN_METRICS_TOKEN to let a scraper elsewhere in with "Authorization: Bearer <token>".',
        );
    }
    await next();
  };
}

/** Compares digests, so neither the length nor the content of the token leaks through timing. */
function sameSecret(sent: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(sent), digest(expected));
}

function isLoopback(address: string): boolean {
  const plain = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return plain === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}
