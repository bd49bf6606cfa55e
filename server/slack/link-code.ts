import { createHash, randomInt } from 'node:crypto';

/** How long a link code works (once). */
const linkCodeLifetimeMs = 10 * 60_000;
/** Without `0 O 1 I L`, so a code read off a screen is typed right. */
const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A new one-time code, `XXXX-XXXX` (40 bits). */
export function newLinkCode(): string {
  const letters = Array.from({ length: 8 }, () => codeAlphabet[randomInt(codeAlphabet.length)]);
  return `${letters.slice(0, 4).join('')}-${letters.slice(4).join('')}`;
}

/** What is stored of a code: typed with or without the dash, in either case, it hashes the same. */
export const hashLinkCode = (code: string) =>
  createHash('sha256').update(code.trim().replace('-', '').toUpperCase()).digest('hex');

export const linkCodeExpiry = () => new Date(Date.now() + linkCodeLifetimeMs);
