import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startBrowserSession, type BrowserSession } from './support/browser-session.ts';

// The admin area through the real UI, on a Kiln where sign-up is by invitation: the first account (the admin)
// invites someone from Users, a fresh browser signs up with the link, and the admin then disables them.
let session: BrowserSession;
let adminPage: Page;
let invitedPage: Page;
let link: string;

beforeAll(async () => {
  session = await startBrowserSession({ environment: { KILN_SIGNUP: 'invite' } });
  adminPage = await session.newPage();
  await signUp(adminPage, session.url, 'admin@example.com');
});
afterAll(async () => {
  await session?.stop();
});

const row = (page: Page, email: string) => page.getByRole('row').filter({ hasText: email });

describe('admin area', () => {
  it('opens Users from the sidebar and creates an invite link, shown once with a Copy button', async () => {
    await adminPage.getByRole('link', { name: 'Admin' }).click();
    await adminPage.waitForURL('**/admin/users', { waitUntil: 'commit' });
    await adminPage.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    for (const tab of ['Users', 'Usage', 'Audit']) {
      await adminPage.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: tab }).waitFor();
    }
    expect(await row(adminPage, 'admin@example.com').getByRole('combobox').inputValue()).toBe('admin');

    await adminPage.getByLabel('Email').fill('invited@example.com');
    await adminPage.getByRole('button', { name: 'Create invite' }).click();
    const linkField = adminPage.getByLabel('Invite link');
    await linkField.waitFor();
    link = await linkField.inputValue();
    expect(link).toMatch(/\/sign-up\?invite=kiln_invite_/);
    await adminPage.getByRole('button', { name: 'Copy' }).click();
    await adminPage.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await adminPage.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await adminPage.getByRole('list', { name: 'Pending invites' }).getByText('invited@example.com').waitFor();
  });

  it('lets a new browser sign up with the link, and not without it', async () => {
    invitedPage = await session.newPage();
    await invitedPage.goto(`${session.url}/sign-up`);
    await invitedPage.getByText('Sign-up on this Kiln server is by invitation').waitFor();
    expect(await invitedPage.getByRole('button', { name: 'Sign up' }).count()).toBe(0);

    // The link's own path and query, through the browser's address of Kiln (the network switch).
    const { pathname, search } = new URL(link);
    await invitedPage.goto(`${session.url}${pathname}${search}`);
    await invitedPage.getByText('You were invited').waitFor();
    await invitedPage.getByLabel('Email').fill('invited@example.com');
    await invitedPage.getByLabel('Password').fill('correct horse battery');
    await invitedPage.getByRole('button', { name: 'Sign up' }).click();
    await invitedPage.waitForURL('**/c', { waitUntil: 'commit' });
    await invitedPage.getByText('invited@example.com', { exact: true }).waitFor();
    // Members see no admin area.
    expect(await invitedPage.getByRole('link', { name: 'Admin' }).count()).toBe(0);
  });

  it('shows the new member to the admin, and disables them after a confirmation', async () => {
    await adminPage.reload();
    const invited = row(adminPage, 'invited@example.com');
    await invited.waitFor();
    expect(await invited.getByRole('combobox').inputValue()).toBe('member');
    await adminPage.getByText('No pending invites.').waitFor();

    await invited.getByRole('button', { name: 'Disable invited@example.com' }).click();
    await invited.getByRole('button', { name: 'Disable', exact: true }).click();
    await invited.getByText(/^Disabled/).waitFor();
    await invited.getByRole('button', { name: 'Enable' }).waitFor();
    // The member's open tab is signed out.
    await invitedPage.waitForURL('**/sign-in', { waitUntil: 'commit', timeout: 15_000 });
    expect(session.pageErrors).toEqual([]);
  });
});
