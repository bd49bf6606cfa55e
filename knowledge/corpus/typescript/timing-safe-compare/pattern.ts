import { createHash, timingSafeEqual } from 'node:crypto';

function digest(value: string | Uint8Array): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * Compares two secrets (tokens, API keys, HMAC signatures) in constant time.
 *
 * `a === b` returns as soon as a character differs, so response times leak how much of a guess was
 * right. `crypto.timingSafeEqual` fixes that but throws on different lengths (and a length check
 * leaks the length), so both sides are hashed to 32 bytes first.
 */
export function safeEqual(a: string | Uint8Array, b: string | Uint8Array): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

/**
 * Compares a hex/base64 signature received from a client with the expected one. Returns false
 * (instead of throwing) for a missing or non-string header value.
 */
export function safeEqualSignature(received: unknown, expected: string): boolean {
  if (typeof received !== 'string' || received.length === 0) return false;
  return safeEqual(received, expected);
}
