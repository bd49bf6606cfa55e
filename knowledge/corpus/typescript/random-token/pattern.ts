import { randomBytes, randomInt } from 'node:crypto';

/**
 * A URL-safe random token (session ids, password-reset and email-verification links, invite codes).
 * 32 bytes = 256 bits of entropy, 43 characters of base64url. Never use Math.random() for this:
 * its output is predictable.
 */
export function randomToken(byteLength = 32): string {
  if (!Number.isInteger(byteLength) || byteLength < 16) throw new RangeError('use at least 16 random bytes (128 bits)');
  return randomBytes(byteLength).toString('base64url');
}

/**
 * A short human-typeable code (one-time passcodes, recovery codes). `randomInt` draws each character
 * without modulo bias, unlike `bytes[i] % alphabet.length`. Short codes are guessable: expire them
 * quickly and limit attempts.
 */
export function randomCode(length = 6, alphabet = '0123456789'): string {
  if (!Number.isInteger(length) || length < 1) throw new RangeError('length must be a positive integer');
  const symbols = [...new Set(alphabet)];
  if (symbols.length < 2) throw new RangeError('the alphabet needs at least two distinct characters');
  let code = '';
  for (let i = 0; i < length; i++) code += symbols[randomInt(symbols.length)];
  return code;
}

/** Alphabet without look-alikes (0/O, 1/I/L) for codes people read aloud or type. */
export const READABLE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
