import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/test-server.ts';

// KILN_SIGNUP on a real Kiln: `invite` (single-use invites, bound to an email or not, expiring, revocable) and
// `off`; in both the very first account can still be created, and becomes the admin.
const password = 'correct horse battery';

describe('KILN_SIGNUP=invite', () => {
  let kiln: Awaited<ReturnType<typeof startTestServer>>;
  let admin: { token: string; user: { id: string } };

  beforeAll(async () => {
    kiln = await startTestServer({ environment: { KILN_SIGNUP: 'invite' } });
  });
  afterAll(async () => {
    await kiln?.stop();
  });

  const register = (email: string, invite?: string) =>
    kiln.api('POST', '/auth/register', { body: { email, password, ...(invite === undefined ? {} : { invite }) } });
  const createInvite = async (body: unknown = {}) => {
    const response = await kiln.api('POST', '/admin/invites', { token: admin.token, body });
    expect(response.status).toBe(201);
    const code = new URL(response.json.url).searchParams.get('invite')!;
    return { ...(response.json as { invite: { id: string; email: string | null; expiresAt: string } }), code };
  };
  const refusal = (response: { status: number; json: any }) => [response.status, response.json?.error?.code];

  it('lets the first account be created without an invite, as the admin', async () => {
    expect((await kiln.api('GET', '/auth/signup')).json).toEqual({ mode: 'invite', firstAccount: true });
    const first = await register('first@example.com');
    expect(first.status).toBe(201);
    expect(first.json.user.role).toBe('admin');
    admin = first.json;
    expect((await kiln.api('GET', '/auth/signup')).json).toEqual({ mode: 'invite', firstAccount: false });
  });

  it('refuses a sign-up without an invite, or with an unknown one, saying why', async () => {
    const without = await register('someone@example.com');
    expect(refusal(without)).toEqual([403, 'invite_required']);
    expect(without.json.error.message).toMatch(/by invitation/);
    expect(refusal(await register('someone@example.com', 'kiln_invite_made-up'))).toEqual([403, 'invite_invalid']);
  });

  it('creates an invite link for an email; only that email can use it, and only once', async () => {
    const { invite, url, code } = { ...(await createInvite({ email: 'Bound@Example.com', expiresInDays: 3 })) } as any;
    expect(url).toMatch(/^http:\/\/[^/]+\/sign-up\?invite=kiln_invite_/);
    expect(invite.email).toBe('bound@example.com');
    const days = (Date.parse(invite.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(2.9);
    expect(days).toBeLessThanOrEqual(3);
    // Stored only as its hash.
    const stored = await kiln.server.infrastructure.dataSource.query(`SELECT code_hash FROM invites WHERE id = $1`, [
      invite.id,
    ]);
    expect(stored[0].code_hash).not.toContain(code);

    const otherEmail = await register('other@example.com', code);
    expect(refusal(otherEmail)).toEqual([403, 'invite_invalid']);
    expect(otherEmail.json.error.message).toMatch(/different email/);

    const used = await register('bound@example.com', code);
    expect(used.status).toBe(201);
    expect(used.json.user.role).toBe('member');
    const again = await register('second-try@example.com', code);
    expect(refusal(again)).toEqual([403, 'invite_invalid']);
    expect(again.json.error.message).toMatch(/already been used/);
    const pending = await kiln.api('GET', '/admin/invites', { token: admin.token });
    expect(pending.json.invites.map((each: { id: string }) => each.id)).not.toContain(invite.id);
  });

  it('refuses an expired invite, and one an admin revoked', async () => {
    const expiring = await createInvite();
    await kiln.server.infrastructure.dataSource.query(
      `UPDATE invites SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [expiring.invite.id],
    );
    const expired = await register('late@example.com', expiring.code);
    expect(refusal(expired)).toEqual([403, 'invite_invalid']);
    expect(expired.json.error.message).toMatch(/expired/);

    const revoked = await createInvite();
    const listed = await kiln.api('GET', '/admin/invites', { token: admin.token });
    expect(listed.json.invites.map((each: { id: string }) => each.id)).toEqual([revoked.invite.id]);
    expect((await kiln.api('DELETE', `/admin/invites/${revoked.invite.id}`, { token: admin.token })).status).toBe(200);
    expect((await kiln.api('DELETE', `/admin/invites/${revoked.invite.id}`, { token: admin.token })).status).toBe(404);
    expect((await kiln.api('GET', '/admin/invites', { token: admin.token })).json.invites).toEqual([]);
    expect(refusal(await register('revoked@example.com', revoked.code))).toEqual([403, 'invite_invalid']);
  });

  it('bounds an invite’s lifetime, and audits invites created and revoked', async () => {
    const tooLong = await kiln.api('POST', '/admin/invites', { token: admin.token, body: { expiresInDays: 91 } });
    expect(tooLong.status).toBe(400);
    const rows = (await kiln.server.infrastructure.dataSource.query(
      `SELECT action, actor_id FROM audit_log WHERE action IN ('invite-created', 'invite-revoked') ORDER BY id`,
    )) as { action: string; actor_id: string }[];
    expect(rows.map((row) => row.action)).toEqual([
      'invite-created',
      'invite-created',
      'invite-created',
      'invite-revoked',
    ]);
    expect(new Set(rows.map((row) => row.actor_id))).toEqual(new Set([admin.user.id]));
  });
});

describe('KILN_SIGNUP=off', () => {
  let kiln: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    kiln = await startTestServer({ environment: { KILN_SIGNUP: 'off' } });
  });
  afterAll(async () => {
    await kiln?.stop();
  });

  it('creates the first account (the admin), then refuses every sign-up, invite or not', async () => {
    expect((await kiln.api('GET', '/auth/signup')).json).toEqual({ mode: 'off', firstAccount: true });
    const first = await kiln.register('owner@example.com');
    expect(first.user.role).toBe('admin');
    expect((await kiln.api('GET', '/auth/signup')).json).toEqual({ mode: 'off', firstAccount: false });

    const { json } = await kiln.api('POST', '/admin/invites', { token: first.token, body: {} });
    const code = new URL(json.url).searchParams.get('invite');
    for (const invite of [undefined, code]) {
      const refused = await kiln.api('POST', '/auth/register', {
        body: { email: 'new@example.com', password, invite },
      });
      expect([refused.status, refused.json.error.code]).toEqual([403, 'signup_closed']);
      expect(refused.json.error.message).toMatch(/closed/);
    }
    // Nothing was created: the email is still free and the account cannot sign in.
    const users = await kiln.server.infrastructure.dataSource.query(`SELECT email FROM users`);
    expect(users).toEqual([{ email: 'owner@example.com' }]);
  });
});
