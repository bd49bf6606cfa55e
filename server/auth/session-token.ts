import { createHash, randomBytes } from 'node:crypto';

/** A new bearer token: 256 random bits, prefixed so a leaked one is recognisable in logs and secret scanners. */
export function newSessionToken(): string {
  return `kiln_${randomBytes(32).toString('base64url')}`;
}

/** Tokens are stored only as their SHA-256, so a database dump grants no sessions. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
