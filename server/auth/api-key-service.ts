import { z } from 'zod';
import { apiKeyScopes, type ApiKeyScope, type ApiKeyView } from '../../protocol/api-key.ts';
import type { User } from '../../protocol/user.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { ForbiddenError } from '../errors/forbidden-error.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { ValidationError } from '../errors/validation-error.ts';
import { parseInput } from '../validation/parse-input.ts';
import type { ApiKeyRepository } from './api-key-repository.ts';
import { apiKeySessionId, type AuthService } from './auth-service.ts';
import { apiKeyPrefix, hashSessionToken, newApiKey } from './session-token.ts';

/** The longest a key may live: ten years (a key with no expiry is allowed too, and says so). */
const maxLifetimeMs = 10 * 365 * 24 * 60 * 60 * 1000;

const newKey = z.object({
  name: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
  scopes: z
    .array(z.enum(apiKeyScopes, { message: `must be some of ${apiKeyScopes.join(', ')}` }))
    .min(1, `name at least one of ${apiKeyScopes.join(', ')}`)
    .max(apiKeyScopes.length)
    .transform((scopes) => [...new Set(scopes)]),
  expiresAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date and time' }).nullish(),
});

const uuid = z.uuid();

/** Creating, listing and revoking a user's own API keys; revocation ends the key's sockets at once. */
export class ApiKeyService {
  constructor(
    private readonly keys: Pick<ApiKeyRepository, 'create' | 'listOf' | 'revoke'>,
    private readonly auth: Pick<AuthService, 'announceRevoked'>,
    private readonly audit: AuditLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The new key, and the secret itself: shown once, never stored. */
  async create(user: User, input: unknown, address?: string): Promise<{ key: ApiKeyView; secret: string }> {
    const { name, scopes, expiresAt } = parseInput(newKey, input, 'API key');
    if (scopes.includes('admin') && user.role !== 'admin') {
      throw new ForbiddenError('Only an admin may create a key with the admin scope.');
    }
    const expires = expiresAt ? new Date(expiresAt) : null;
    if (expires && expires.getTime() <= this.now().getTime()) {
      throw new ValidationError('Invalid API key: expiresAt must be in the future', [
        { field: 'expiresAt', message: 'must be in the future' },
      ]);
    }
    if (expires && expires.getTime() > this.now().getTime() + maxLifetimeMs) {
      throw new ValidationError('Invalid API key: expiresAt must be within ten years', [
        { field: 'expiresAt', message: 'must be within ten years' },
      ]);
    }
    const secret = newApiKey();
    const key = await this.keys.create({
      userId: user.id,
      name,
      prefix: secret.slice(0, apiKeyPrefix.length + 4),
      tokenHash: hashSessionToken(secret),
      scopes: scopes as ApiKeyScope[],
      expiresAt: expires,
    });
    await this.audit.record({
      action: 'api-key-created',
      actorId: user.id,
      address,
      detail: { keyId: key.id, name, scopes, expiresAt: key.expiresAt },
    });
    return { key, secret };
  }

  list(user: User): Promise<ApiKeyView[]> {
    return this.keys.listOf(user.id);
  }

  async revoke(user: User, id: string, address?: string): Promise<ApiKeyView> {
    if (!uuid.safeParse(id).success) throw new NotFoundError('API key');
    const key = await this.keys.revoke(user.id, id);
    if (!key) throw new NotFoundError('API key');
    this.auth.announceRevoked(apiKeySessionId(key.id));
    await this.audit.record({
      action: 'api-key-revoked',
      actorId: user.id,
      address,
      detail: { keyId: key.id, name: key.name },
    });
    return key;
  }
}
