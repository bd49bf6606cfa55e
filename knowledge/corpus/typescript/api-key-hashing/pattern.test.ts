import { describe, it, expect, vi } from 'vitest';
import { authenticateApiKey, createApiKey, parseApiKey, type StoredApiKey } from './pattern.ts';

function store(...keys: StoredApiKey[]) {
  const byId = new Map(keys.map((key) => [key.id, key]));
  return vi.fn(async (id: string) => byId.get(id));
}

describe('API keys', () => {
  it('creates a prefixed key and stores only a hash of its secret', () => {
    const { key, id, secretHash } = createApiKey('acme');
    expect(key).toMatch(/^acme_[0-9a-f]{16}_[\w-]{43}$/);
    const parsed = parseApiKey(key)!;
    expect(parsed).toMatchObject({ prefix: 'acme', id });
    expect(secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(secretHash).not.toContain(parsed.secret);
    expect(createApiKey('acme').key).not.toBe(key);
    expect(() => createApiKey('Bad_Prefix')).toThrow(TypeError);
  });

  it('authenticates a valid key via its id', async () => {
    const { key, id, secretHash } = createApiKey();
    const findById = store({ id, secretHash });
    await expect(authenticateApiKey(key, findById)).resolves.toEqual({ id, secretHash });
    expect(findById).toHaveBeenCalledWith(id);
  });

  it('rejects a wrong secret for an existing id, and unknown ids', async () => {
    const real = createApiKey();
    const other = createApiKey();
    const forged = `myapp_${real.id}_${parseApiKey(other.key)!.secret}`;
    const findById = store({ id: real.id, secretHash: real.secretHash });
    await expect(authenticateApiKey(forged, findById)).resolves.toBeUndefined();
    await expect(authenticateApiKey(other.key, findById)).resolves.toBeUndefined();
  });

  it('rejects revoked and expired keys', async () => {
    const { key, id, secretHash } = createApiKey();
    const past = new Date(Date.now() - 1000);
    const future = new Date(Date.now() + 60_000);
    await expect(authenticateApiKey(key, store({ id, secretHash, revokedAt: past }))).resolves.toBeUndefined();
    await expect(authenticateApiKey(key, store({ id, secretHash, expiresAt: past }))).resolves.toBeUndefined();
    await expect(authenticateApiKey(key, store({ id, secretHash, expiresAt: future, revokedAt: null }))).resolves.toBeDefined();
  });

  it('rejects malformed keys without touching the database', async () => {
    const findById = store();
    for (const key of [undefined, '', 'myapp', 'myapp_123_abc', `myapp_${'g'.repeat(16)}_${'a'.repeat(43)}`, `MYAPP_${'a'.repeat(16)}_${'a'.repeat(43)}`]) {
      await expect(authenticateApiKey(key, findById)).resolves.toBeUndefined();
    }
    expect(findById).not.toHaveBeenCalled();
  });
});
