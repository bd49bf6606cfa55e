import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/test-server.ts';
import { waitFor } from '../support/wait-for.ts';

// Admins managing accounts on a real Kiln (open sign-up): who may, roles, disabling (sessions end at once,
// sign-in refused), the last-admin guard, and the audit trail of each change.
let kiln: Awaited<ReturnType<typeof startTestServer>>;
let admin: { token: string; user: { id: string; email: string; role: string } };
let member: { token: string; user: { id: string; email: string; role: string } };
const password = 'correct horse battery';

beforeAll(async () => {
  kiln = await startTestServer();
});
afterAll(async () => {
  await kiln?.stop();
});

const auditRows = (action: string, targetUserId: string) =>
  kiln.server.infrastructure.dataSource.query(
    `SELECT action, actor_id, target_user_id, address, detail FROM audit_log
     WHERE action = $1 AND target_user_id = $2 ORDER BY id`,
    [action, targetUserId],
  ) as Promise<{ action: string; actor_id: string; target_user_id: string; address: string; detail: any }[]>;

const login = (email: string, withPassword = password) =>
  kiln.api('POST', '/auth/login', { body: { email, password: withPassword } });
const patch = (token: string, id: string, body: unknown) => kiln.api('PATCH', `/admin/users/${id}`, { token, body });

describe('admin user management', () => {
  it('tells the sign-up page that sign-up is open, and that the first account is still to come', async () => {
    expect((await kiln.api('GET', '/auth/signup')).json).toEqual({ mode: 'open', firstAccount: true });
    admin = await kiln.register('admin@example.com');
    member = await kiln.register('member@example.com');
    expect([admin.user.role, member.user.role]).toEqual(['admin', 'member']);
    expect((await kiln.api('GET', '/auth/signup')).json).toEqual({ mode: 'open', firstAccount: false });
  });

  it('refuses members (403) and strangers (401) on every admin route', async () => {
    for (const [method, path, body] of [
      ['GET', '/admin/users', undefined],
      ['PATCH', `/admin/users/${member.user.id}`, { role: 'admin' }],
      ['GET', '/admin/invites', undefined],
      ['POST', '/admin/invites', {}],
      ['DELETE', '/admin/invites/00000000-0000-4000-8000-000000000000', undefined],
    ] as const) {
      const asMember = await kiln.api(method, path, { token: member.token, body });
      expect(asMember.status, `${method} ${path}`).toBe(403);
      expect(asMember.json.error.code).toBe('forbidden');
      expect((await kiln.api(method, path, { body })).status, `${method} ${path} without a token`).toBe(401);
    }
    expect((await kiln.api('GET', '/auth/me', { token: member.token })).json.user.role).toBe('member');
  });

  it('lists every user with role, creation, disabled and last-seen times', async () => {
    const response = await kiln.api('GET', '/admin/users', { token: admin.token });
    expect(response.status).toBe(200);
    expect(response.json.users.map((user: any) => [user.email, user.role, user.disabledAt])).toEqual([
      ['admin@example.com', 'admin', null],
      ['member@example.com', 'member', null],
    ]);
    for (const user of response.json.users) {
      expect(Date.parse(user.createdAt)).not.toBeNaN();
      expect(Date.parse(user.lastSeenAt)).not.toBeNaN();
      expect(user).not.toHaveProperty('passwordHash');
    }
  });

  it('promotes a member to admin and demotes them again, each change audited', async () => {
    const promoted = await patch(admin.token, member.user.id, { role: 'admin' });
    expect(promoted.status).toBe(200);
    expect(promoted.json.user).toMatchObject({ id: member.user.id, role: 'admin' });
    // The new role holds at once: the member's own session now reaches admin routes.
    expect((await kiln.api('GET', '/admin/users', { token: member.token })).status).toBe(200);

    expect((await patch(admin.token, member.user.id, { role: 'member' })).json.user.role).toBe('member');
    expect((await kiln.api('GET', '/admin/users', { token: member.token })).status).toBe(403);

    const rows = await auditRows('role-changed', member.user.id);
    expect(rows.map((row) => [row.actor_id, row.detail])).toEqual([
      [admin.user.id, { from: 'member', to: 'admin' }],
      [admin.user.id, { from: 'admin', to: 'member' }],
    ]);
    expect(rows[0]!.address).toBeTruthy();
  });

  it('rejects malformed changes and unknown users', async () => {
    expect((await patch(admin.token, member.user.id, { role: 'owner' })).status).toBe(400);
    expect((await patch(admin.token, member.user.id, {})).status).toBe(400);
    expect((await patch(admin.token, '00000000-0000-4000-8000-000000000000', { disabled: true })).status).toBe(404);
    expect((await patch(admin.token, 'not-an-id', { disabled: true })).status).toBe(404);
  });

  it('disabling ends the user’s open socket and token at once and refuses sign-in; enabling lets them back', async () => {
    const tab = await kiln.socket(member.token);
    let disconnected = false;
    tab.client.on('disconnect', () => (disconnected = true));

    const disabled = await patch(admin.token, member.user.id, { disabled: true });
    expect(disabled.status).toBe(200);
    expect(Date.parse(disabled.json.user.disabledAt)).not.toBeNaN();

    await waitFor(() => disconnected, 2_000);
    expect((await kiln.api('GET', '/auth/me', { token: member.token })).status).toBe(401);
    expect((await kiln.api('GET', '/conversations', { token: member.token })).status).toBe(401);
    const refused = await login(member.user.email);
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('account_disabled');
    expect(refused.json.error.message).toMatch(/disabled/);
    // A wrong password says only that: a disabled account is not revealed to someone without its password.
    const wrong = await login(member.user.email, 'not the password');
    expect([wrong.status, wrong.json.error.code]).toEqual([401, 'unauthenticated']);

    const enabled = await patch(admin.token, member.user.id, { disabled: false });
    expect(enabled.json.user.disabledAt).toBeNull();
    const back = await login(member.user.email);
    expect(back.status).toBe(200);
    member.token = back.json.token;
    expect((await kiln.api('GET', '/auth/me', { token: member.token })).status).toBe(200);

    expect((await auditRows('user-disabled', member.user.id)).map((row) => row.actor_id)).toEqual([admin.user.id]);
    expect((await auditRows('user-enabled', member.user.id)).map((row) => row.actor_id)).toEqual([admin.user.id]);
  });

  it('never leaves Kiln without an enabled admin', async () => {
    for (const change of [{ role: 'member' }, { disabled: true }]) {
      const refused = await patch(admin.token, admin.user.id, change);
      expect(refused.status).toBe(409);
      expect(refused.json.error.code).toBe('last_admin');
      expect(refused.json.error.message).toMatch(/last enabled admin/);
    }
    expect((await kiln.api('GET', '/auth/me', { token: admin.token })).json.user.role).toBe('admin');

    // With a second admin, the first may step down; the second, now alone, may not.
    await patch(admin.token, member.user.id, { role: 'admin' });
    expect((await patch(admin.token, admin.user.id, { role: 'member' })).status).toBe(200);
    expect((await patch(member.token, member.user.id, { role: 'member' })).status).toBe(409);
    // Back as it was.
    expect((await patch(member.token, admin.user.id, { role: 'admin' })).status).toBe(200);
    expect((await patch(admin.token, member.user.id, { role: 'member' })).status).toBe(200);
  });
});
