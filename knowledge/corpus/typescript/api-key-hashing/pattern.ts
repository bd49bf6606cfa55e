import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** What the database keeps: a lookup id and a hash, never the key itself. */
export interface StoredApiKey {
  id: string;
  secretHash: string;
  revokedAt?: Date | null;
  expiresAt?: Date | null;
}

const KEY_FORMAT = /^([a-z][a-z0-9]*)_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

// SHA-256 is enough here, unlike for passwords: the secret is 256 random bits, so there is nothing
// to brute-force, and a fast hash keeps every authenticated request cheap.
function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * Creates a key like `myapp_3f9c0a1b2c3d4e5f_<43 chars>`. Show `key` to the user once and store
 * only `id` and `secretHash`. The prefix makes leaked keys recognizable to secret scanners.
 */
export function createApiKey(prefix = 'myapp'): { key: string; id: string; secretHash: string } {
  if (!/^[a-z][a-z0-9]*$/.test(prefix)) throw new TypeError('prefix must be lowercase letters and digits');
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { key: `${prefix}_${id}_${secret}`, id, secretHash: hashSecret(secret) };
}

export function parseApiKey(key: string): { prefix: string; id: string; secret: string } | undefined {
  const [, prefix, id, secret] = KEY_FORMAT.exec(key) ?? [];
  return prefix && id && secret ? { prefix, id, secret } : undefined;
}

/**
 * Returns the stored key if `presented` is valid, not revoked and not expired; otherwise undefined.
 * The id finds the row by index (no scanning every hash); the hash comparison is constant-time.
 */
export async function authenticateApiKey(
  presented: string | undefined,
  findById: (id: string) => Promise<StoredApiKey | undefined>,
): Promise<StoredApiKey | undefined> {
  const parsed = presented ? parseApiKey(presented.trim()) : undefined;
  if (!parsed) return undefined;
  const stored = await findById(parsed.id);
  if (!stored) return undefined;
  const expected = Buffer.from(stored.secretHash, 'hex');
  const actual = Buffer.from(hashSecret(parsed.secret), 'hex');
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  const now = Date.now();
  if (stored.revokedAt && stored.revokedAt.getTime() <= now) return undefined;
  if (stored.expiresAt && stored.expiresAt.getTime() <= now) return undefined;
  return stored;
}
