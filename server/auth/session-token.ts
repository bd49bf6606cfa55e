import { createHash, randomBytes } from 'node:crypto';

/** A new bearer token: 256 random bits, prefixed so a leaked one is recognisable in logs and secret scanners. */
export function newSessionToken(): string {
  return `kiln_${randomBytes(32).toString('base64url')}`;
}

/** Tokens are stored only as their SHA-256, so a database dump grants no sessions. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Every API key starts with this, so it is told from a session token (and recognised when leaked). */
export const apiKeyPrefix = 'kiln_key_';

/** A new API key: 256 random bits after the prefix. Stored hashed, like session tokens. */
export function newApiKey(): string {
  return `${apiKeyPrefix}${randomBytes(32).toString('base64url')}`;
}
