import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AccountView, InviteView } from '../../protocol/account.ts';
import type { User } from '../../protocol/user.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { AuthService } from '../auth/auth-service.ts';
import { hashSessionToken } from '../auth/session-token.ts';
import { ConflictError } from '../errors/conflict-error.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { parseInput } from '../validation/parse-input.ts';
import type { AccountRepository } from './account-repository.ts';
import type { InviteRepository } from './invite-repository.ts';

const dayMs = 24 * 60 * 60 * 1000;
const uuid = z.uuid();

const accountChange = z
  .strictObject({
    role: z.enum(['admin', 'member'], { message: 'must be "admin" or "member"' }).optional(),
    disabled: z.boolean({ message: 'must be true or false' }).optional(),
  })
  .refine((change) => change.role !== undefined || change.disabled !== undefined, 'give a role or disabled');

const newInvite = z.strictObject({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: 'must be an email address' }))
    .pipe(z.string().max(254))
    .optional(),
  expiresInDays: z.number().int('must be a whole number').min(1).max(90, 'must be at most 90').optional(),
});

/** A new invite code: 192 random bits, prefixed so a leaked link is recognisable. Stored only as its hash. */
export const newInviteCode = () => `kiln_invite_${randomBytes(24).toString('base64url')}`;

/**
 * What an admin does to accounts: list them, change roles, disable and enable (a disabled user's sessions end at
 * once), and invite people to sign up. Callers check that the actor is an admin; every change is audited.
 */
export class AccountService {
  constructor(
    private readonly accounts: Pick<AccountRepository, 'list' | 'change'>,
    private readonly invites: Pick<InviteRepository, 'create' | 'listPending' | 'revoke'>,
    private readonly auth: Pick<AuthService, 'revokeUserSessions'>,
    private readonly audit: AuditLog,
    private readonly options: { publicOrigin?: string; now?: () => Date; newCode?: () => string } = {},
  ) {}

  list(): Promise<AccountView[]> {
    return this.accounts.list();
  }

  /** Changes a user's role and whether it is disabled; 409 when that would leave Kiln without an enabled admin. */
  async change(actor: User, userId: string, input: unknown, address?: string): Promise<AccountView> {
    const change = parseInput(accountChange, input, 'account change');
    if (!uuid.safeParse(userId).success) throw new NotFoundError('User');
    const result = await this.accounts.change(userId, change);
    if (result.status === 'not-found') throw new NotFoundError('User');
    if (result.status === 'last-admin') {
      throw new ConflictError(
        'last_admin',
        'This is the last enabled admin: make another user admin first, so Kiln is never left without one.',
      );
    }
    const { before, after } = result;
    const wasDisabled = before.disabledAt !== null;
    const isDisabled = after.disabledAt !== null;
    // Sessions end before the change is reported, so no request of the disabled user outlives it.
    if (isDisabled && !wasDisabled) await this.auth.revokeUserSessions(userId);
    const entry = { actorId: actor.id, targetUserId: userId, address };
    if (before.role !== after.role) {
      await this.audit.record({ ...entry, action: 'role-changed', detail: { from: before.role, to: after.role } });
    }
    if (isDisabled !== wasDisabled) {
      await this.audit.record({ ...entry, action: isDisabled ? 'user-disabled' : 'user-enabled' });
    }
    return after;
  }

  /** A new invite and its link; the link (holding the code) is shown this once and never stored. */
  async createInvite(
    actor: User,
    input: unknown,
    requestOrigin: string,
    address?: string,
  ): Promise<{ invite: InviteView; url: string }> {
    const { email, expiresInDays = 7 } = parseInput(newInvite, input, 'invite');
    const code = (this.options.newCode ?? newInviteCode)();
    const now = this.options.now?.() ?? new Date();
    const invite = await this.invites.create({
      codeHash: hashSessionToken(code),
      email: email ?? null,
      createdBy: actor.id,
      expiresAt: new Date(now.getTime() + expiresInDays * dayMs),
    });
    await this.audit.record({
      action: 'invite-created',
      actorId: actor.id,
      address,
      detail: { inviteId: invite.id, email: invite.email, expiresAt: invite.expiresAt.toISOString() },
    });
    const origin = this.options.publicOrigin ?? requestOrigin;
    return { invite, url: `${origin}/sign-up?invite=${encodeURIComponent(code)}` };
  }

  pendingInvites(): Promise<InviteView[]> {
    return this.invites.listPending();
  }

  async revokeInvite(actor: User, inviteId: string, address?: string): Promise<InviteView> {
    if (!uuid.safeParse(inviteId).success) throw new NotFoundError('Invite');
    const invite = await this.invites.revoke(inviteId);
    if (!invite) throw new NotFoundError('Invite');
    await this.audit.record({
      action: 'invite-revoked',
      actorId: actor.id,
      address,
      detail: { inviteId: invite.id, email: invite.email },
    });
    return invite;
  }
}
