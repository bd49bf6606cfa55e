import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords hashed with scrypt (memory-hard): `scrypt$N$r$p$salt$hash`, all
 * parameters stored with the hash so they can be raised later without
 * invalidating existing accounts. The defaults are one of OWASP's equivalent minimums
 * (N=2^15, r=8, p=3, as strong as N=2^17, r=8, p=1): 32 MiB per hash rather than
 * 128 MiB, for half the time on a small server. Each still takes a core for a
 * fraction of a second, which is why callers limit how many run at once.
 */
const defaults = { cost: 2 ** 15, blockSize: 8, parallelization: 3, keyLength: 32 };

function derive(password: string, salt: Buffer, options: ScryptOptions & { keyLength: number }) {
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      options.keyLength,
      { ...options, maxmem: 256 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, defaults);
  return [
    'scrypt',
    defaults.cost,
    defaults.blockSize,
    defaults.parallelization,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

/** Whether `stored` was hashed with weaker parameters than today's; rehash it once the password is known to be right. */
export function needsRehash(stored: string): boolean {
  const [scheme, cost, blockSize, parallelization] = stored.split('$');
  return (
    scheme !== 'scrypt' ||
    Number(cost) < defaults.cost ||
    Number(blockSize) < defaults.blockSize ||
    Number(parallelization) < defaults.parallelization
  );
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, cost, blockSize, parallelization, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), {
    cost: Number(cost),
    blockSize: Number(blockSize),
    parallelization: Number(parallelization),
    keyLength: expected.length,
  });
  return timingSafeEqual(key, expected);
}
