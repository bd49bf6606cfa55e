import type { Page } from 'playwright-core';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlHandle } from '../../platform/database/sql-handle.ts';
import { PostgresAuditLog } from '../../server/audit/postgres-audit-log.ts';
import { ScriptedProvider } from '../support/scripted-provider.ts';
import { startBrowserSession, type BrowserSession } from './support/browser-session.ts';

// An admin reads the Usage and Audit pages of a real Kiln: turns answered by a scripted model priced as
// gpt-4o-mini (12 tokens in, 3 out per answer), audit entries written through the real Postgres adapter.
class PricedProvider extends ScriptedProvider {
  override readonly engine = { provider: 'openai' as const, model: 'gpt-4o-mini' };
}

let session: BrowserSession<PricedProvider>;
let admin: { token: string; user: { id: string } };
let member: { token: string; user: { id: string } };
const password = 'correct horse battery';

beforeAll(async () => {
  session = await startBrowserSession({ provider: new PricedProvider({ tokens: ['a', 'b', 'c'] }) });
  admin = await session.kiln.register('boss@example.com');
  member = await session.kiln.register('worker@example.com');
  const conversation = await session.kiln.newConversation(member.token);
  for (const content of ['hello', 'hello again']) {
    const sent = await session.kiln.api('POST', `/conversations/${conversation.id}/messages`, {
      token: member.token,
      body: { content, intent: 'smalltalk' },
      headers: { accept: 'text/event-stream' },
    });
    expect(sent.status).toBe(200);
  }
  const sql = sqlHandle(session.kiln.server.infrastructure.dataSource);
  const audit = new PostgresAuditLog(sql, pino({ level: 'silent' }));
  await audit.record({
    action: 'role-changed',
    actorId: admin.user.id,
    targetUserId: member.user.id,
    address: '192.0.2.44',
    detail: { from: 'member', to: 'admin' },
  });
  // More exports than one page holds (50), so the page must offer "Load more".
  await sql.query(
    `INSERT INTO audit_log (at, action, actor_id, detail)
     SELECT now() - n * interval '1 second', 'export-all', $1, jsonb_build_object('n', n) FROM generate_series(1, 55) AS n`,
    [admin.user.id],
  );
});
afterAll(async () => {
  await session?.stop();
});

async function signIn(email: string) {
  const page = await session.newPage();
  await page.goto(`${session.url}/sign-in`);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/c', { waitUntil: 'commit' });
  return page;
}

async function open(page: Page, path: string, heading: string) {
  await page.goto(`${session.url}${path}`);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

const total = (page: Page, name: string) => page.locator(`dt:text-is("${name}") + dd`).textContent();

describe('admin pages', () => {
  it('show an admin the usage: totals, the per-user table, intents and the charts', async () => {
    const page = await signIn('boss@example.com');
    await open(page, '/admin/usage', 'Usage');
    await page.getByText('Loading…').waitFor({ state: 'detached' });
    expect(await total(page, 'Turns')).toBe('2');
    expect(await total(page, 'Tokens in')).toBe('24');
    expect(await total(page, 'Tokens out')).toBe('6');
    // gpt-4o-mini: 24 × $0.15 + 6 × $0.60 per million tokens.
    expect(await total(page, 'Cost')).toBe('$0.0000072');

    const row = page.getByRole('row', { name: /worker@example\.com/ });
    await expect.poll(() => row.locator('td').allTextContents()).toEqual(['2', '24', '6', '$0.0000072', '0']);
    await page.getByRole('img', { name: 'Turns per intent' }).getByText('smalltalk').waitFor();
    await page.getByRole('img', { name: /Tokens per day/ }).waitFor();

    await page.getByLabel('Show the last').selectOption('7');
    await expect.poll(() => total(page, 'Turns')).toBe('2');
    await session.screenshot(page, 'admin-usage');
    expect(session.pageErrors).toEqual([]);
  });

  it('show an admin the audit log, filtered by action, a page at a time', async () => {
    const page = await signIn('boss@example.com');
    await open(page, '/admin/audit', 'Audit log');
    const roleChange = page.getByRole('row', { name: /role-changed/ });
    await roleChange.waitFor();
    expect(await roleChange.locator('td').allTextContents()).toEqual([
      expect.any(String),
      'role-changed',
      'boss@example.com',
      'worker@example.com',
      '192.0.2.44',
      'from: member, to: admin',
    ]);

    await page.getByLabel('Action').selectOption('export-all');
    const rows = page.locator('tbody tr');
    // The unfiltered page holds 50 rows too (sign-ins are audited): wait for the filtered one.
    await expect.poll(() => rows.first().textContent()).toContain('n: 1');
    await expect.poll(() => rows.count()).toBe(50);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => rows.count()).toBe(55);
    expect(await rows.last().textContent()).toContain('n: 55');
    await expect.poll(() => page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    await session.screenshot(page, 'admin-audit');
    expect(session.pageErrors).toEqual([]);
  });

  it('tell a member the pages are for admins', async () => {
    const page = await signIn('worker@example.com');
    await open(page, '/admin/usage', 'Usage');
    await page.getByRole('alert').getByText('Only an admin can see usage').waitFor();
    await open(page, '/admin/audit', 'Audit log');
    await page.getByRole('alert').getByText('Only an admin can read the audit log').waitFor();
  });
});
