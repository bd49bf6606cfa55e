import { describe, expect, it } from 'vitest';
import type { AccountView, InviteView } from '../../protocol/account.ts';
import type { User } from '../../protocol/user.ts';
import { InMemoryAuditLog } from '../audit/in-memory-audit-log.ts';
import { hashSessionToken } from '../auth/session-token.ts';
import type { AccountChangeResult } from './account-repository.ts';
import { AccountService } from './account-service.ts';

const adminUser: User = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'admin@example.com',
  name: null,
  role: 'admin',
  createdAt: new Date('2026-01-01T00:00:00Z'),
};
const memberId = '00000000-0000-4000-8000-000000000002';
const account = (change: Partial<AccountView> = {}): AccountView => ({
  id: memberId,
  email: 'member@example.com',
  name: null,
  role: 'member',
  createdAt: new Date('2026-01-02T00:00:00Z'),
  disabledAt: null,
  lastSeenAt: null,
  ...change,
});

function setUp(result: AccountChangeResult) {
  const audit = new InMemoryAuditLog();
  const revoked: string[] = [];
  const created: { codeHash: string; email: string | null; expiresAt: Date }[] = [];
  const service = new AccountService(
    { list: async () => [], change: async () => result },
    {
      create: async (input) => {
        created.push(input);
        return { id: 'invite-1', email: input.email, expiresAt: input.expiresAt, createdAt: new Date() } as InviteView;
      },
      listPending: async () => [],
      revoke: async () => undefined,
    },
    { revokeUserSessions: async (userId) => void revoked.push(userId) },
    audit,
    { publicOrigin: 'https://kiln.example', now: () => new Date('2026-03-01T00:00:00Z'), newCode: () => 'code-1' },
  );
  return { service, audit, revoked, created };
}

describe('AccountService', () => {
  it('ends the sessions of a user it disables and audits the change; enabling ends nothing', async () => {
    const disabling = setUp({ status: 'changed', before: account(), after: account({ disabledAt: new Date() }) });
    await disabling.service.change(adminUser, memberId, { disabled: true }, '10.0.0.1');
    expect(disabling.revoked).toEqual([memberId]);
    expect(disabling.audit.entries).toEqual([
      { action: 'user-disabled', actorId: adminUser.id, targetUserId: memberId, address: '10.0.0.1' },
    ]);

    const enabling = setUp({ status: 'changed', before: account({ disabledAt: new Date() }), after: account() });
    await enabling.service.change(adminUser, memberId, { disabled: false });
    expect(enabling.revoked).toEqual([]);
    expect(enabling.audit.entries.map((entry) => entry.action)).toEqual(['user-enabled']);
  });

  it('audits a role change with both roles, and nothing when nothing changed', async () => {
    const promoting = setUp({ status: 'changed', before: account(), after: account({ role: 'admin' }) });
    await promoting.service.change(adminUser, memberId, { role: 'admin' });
    expect(promoting.audit.entries[0]).toMatchObject({
      action: 'role-changed',
      detail: { from: 'member', to: 'admin' },
    });

    const same = setUp({ status: 'changed', before: account(), after: account() });
    await same.service.change(adminUser, memberId, { role: 'member' });
    expect(same.audit.entries).toEqual([]);
  });

  it('refuses to leave no enabled admin (409) and unknown users (404), changing and auditing nothing', async () => {
    const last = setUp({ status: 'last-admin' });
    await expect(last.service.change(adminUser, adminUser.id, { role: 'member' })).rejects.toMatchObject({
      status: 409,
      code: 'last_admin',
    });
    const missing = setUp({ status: 'not-found' });
    await expect(missing.service.change(adminUser, memberId, { disabled: true })).rejects.toMatchObject({
      status: 404,
    });
    await expect(missing.service.change(adminUser, 'nope', { disabled: true })).rejects.toMatchObject({ status: 404 });
    expect([...last.audit.entries, ...missing.audit.entries, ...last.revoked]).toEqual([]);
  });

  it('makes an invite link on the public origin, stores only the code’s hash, and bounds its lifetime', async () => {
    const { service, created, audit } = setUp({ status: 'not-found' });
    const { url, invite } = await service.createInvite(adminUser, { email: 'New@Example.com' }, 'http://internal:3000');
    expect(url).toBe('https://kiln.example/sign-up?invite=code-1');
    expect(created[0]).toMatchObject({ codeHash: hashSessionToken('code-1'), email: 'new@example.com' });
    expect(invite.expiresAt.toISOString()).toBe('2026-03-08T00:00:00.000Z');
    expect(audit.entries[0]).toMatchObject({ action: 'invite-created', actorId: adminUser.id });
    expect(JSON.stringify(audit.entries)).not.toContain('code-1');
    for (const expiresInDays of [0, 91, 1.5]) {
      await expect(service.createInvite(adminUser, { expiresInDays }, 'http://x')).rejects.toMatchObject({
        status: 400,
      });
    }
  });
});
