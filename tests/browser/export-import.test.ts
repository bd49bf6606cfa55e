import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationExport } from '../../protocol/conversation-export.ts';
import { sessionToken, signUp, startBrowserSession, type BrowserSession } from './support/browser-session.ts';

// Exporting and importing conversations through the real UI: a conversation with two branches (the second question
// edited into a new branch) downloaded from its header as JSON (every branch) and Markdown (the branch shown, or
// all of them), and the JSON imported by another user from the "Export & import" page: the report, the imported
// conversation with both branches, a second import skipped; a file Kiln cannot read and one over the size limit
// refused with the server's message, the file still chosen. In order: each step starts where the last left.
let session: BrowserSession;
let owner: Page;
let importer: Page;

const title = 'Debounce and throttle';
const firstQuestion = 'How do I debounce a function in TypeScript?';
const secondQuestion = 'And how do I cancel a pending call?';
const editedQuestion = 'How do I throttle a function instead?';
const importLimitMb = 1;

let conversationId: string;
let exported: { name: string; text: string };

beforeAll(async () => {
  session = await startBrowserSession({ environment: { KILN_IMPORT_MAX_MB: String(importLimitMb) } });
  owner = await session.newPage();
  await signUp(owner, session.url, 'owner@example.com');
});
afterAll(async () => {
  await session?.stop();
});

const api = async (page: Page, method: string, path: string, body?: unknown) =>
  session.kiln.api(method, path, { token: await sessionToken(page), body });

/** Sends a question through the API (under `parentId`: a new branch) and waits for its answer to complete. */
async function ask(content: string, parentId?: string) {
  const sent = await api(owner, 'POST', `/conversations/${conversationId}/messages`, {
    content,
    ...(parentId ? { parentId } : {}),
  });
  expect(sent.status, sent.text).toBe(202);
  const ids = sent.json as { userMessageId: string; assistantMessageId: string };
  const answerStatus = async () => {
    const page = await api(owner, 'GET', `/conversations/${conversationId}/messages?limit=50`);
    return (page.json.messages as { id: string; status: string }[]).find(
      (message) => message.id === ids.assistantMessageId,
    )?.status;
  };
  await expect.poll(answerStatus, { timeout: 30_000 }).toBe('complete');
  return ids;
}

/** Clicks a download link and waits for the file. */
async function download(link: Locator): Promise<{ download: Download; text: string }> {
  const [started] = await Promise.all([link.page().waitForEvent('download'), link.click()]);
  const file = await started.path();
  return { download: started, text: await readFile(file, 'utf8') };
}

const exportMenu = () => owner.getByRole('group', { name: 'Export conversation' });
const openExportMenu = async () => {
  await owner.getByRole('button', { name: 'Export', exact: true }).click();
  await exportMenu().waitFor();
};

const importForm = () => importer.getByRole('form', { name: 'Import conversations' });
const fileInput = () => importForm().getByLabel('File (.json or .zip)');
const importButton = () => importForm().getByRole('button', { name: 'Import', exact: true });
const count = (name: string) =>
  importer.locator(`dl[aria-label="Import counts"] dt:text-is("${name}") + dd`).textContent();
const importedList = () => importer.getByRole('list', { name: 'Imported conversations' });
/** Imports the JSON the owner exported, and waits for the report. */
const importExported = async () => {
  await fileInput().setInputFiles({
    name: exported.name,
    mimeType: 'application/json',
    buffer: Buffer.from(exported.text),
  });
  await importButton().click();
  await importer.getByRole('heading', { name: `Imported ${exported.name}` }).waitFor();
};
const sidebarLinks = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Conversations' }).getByRole('link', { name, exact: true });
const questions = () => importer.getByRole('article', { name: 'Your message' });

async function openImportPage(page: Page) {
  await page.locator('aside').getByRole('link', { name: 'Export & import', exact: true }).click();
  await page.waitForURL('**/history', { waitUntil: 'commit' });
  await page.getByRole('heading', { name: 'Export & import', level: 1 }).waitFor();
}

/** The user's conversations, through the API. */
async function conversationCount(page: Page) {
  return ((await api(page, 'GET', '/conversations?limit=100')).json.conversations as unknown[]).length;
}

describe('exporting a conversation from its header', () => {
  it('downloads it as JSON with both branches', async () => {
    const created = await api(owner, 'POST', '/conversations', { title });
    conversationId = created.json.id;
    const first = await ask(firstQuestion);
    await ask(secondQuestion);
    await ask(editedQuestion, first.assistantMessageId);

    await owner.goto(`${session.url}/c/${conversationId}`);
    await owner.getByText(editedQuestion).waitFor();
    await openExportMenu();
    const json = await download(exportMenu().getByRole('link', { name: 'JSON', exact: true }));
    expect(json.download.suggestedFilename()).toMatch(/\.json$/);
    // A download closes the menu.
    await exportMenu().waitFor({ state: 'hidden' });

    const document = JSON.parse(json.text) as ConversationExport;
    expect(document.schema).toBe('kiln.conversation.v1');
    expect(document.conversation.title).toBe(title);
    expect(document.messages).toHaveLength(6);
    const forked = document.messages.filter((message) => message.parentId === first.assistantMessageId);
    expect(forked.map((message) => message.content).sort()).toEqual([secondQuestion, editedQuestion].sort());
    exported = { name: json.download.suggestedFilename(), text: json.text };
  });

  it('downloads it as Markdown: the branch shown, or with "All branches" every one', async () => {
    await openExportMenu();
    const active = await download(exportMenu().getByRole('link', { name: 'Markdown', exact: true }));
    expect(active.download.suggestedFilename()).toMatch(/\.md$/);
    expect(active.text).toContain(title);
    expect(active.text).toContain(editedQuestion);
    expect(active.text).not.toContain(secondQuestion);

    await openExportMenu();
    await exportMenu().getByLabel('All branches').check();
    await session.screenshot(owner, 'export-menu');
    const all = await download(exportMenu().getByRole('link', { name: 'Markdown', exact: true }));
    expect(all.text).toContain(title);
    expect(all.text).toContain(editedQuestion);
    expect(all.text).toContain(secondQuestion);
  });

  it('offers an admin the ZIP of their own conversations and of everyone’s', async () => {
    await openImportPage(owner);
    const own = owner.getByRole('link', { name: 'Export all my conversations (ZIP)' });
    expect(await own.getAttribute('href')).toBe('/api/v1/exports');
    expect(await owner.getByRole('link', { name: 'Export everyone’s (ZIP)' }).getAttribute('href')).toBe(
      '/api/v1/exports?all=true',
    );
    const zip = await Promise.all([owner.waitForEvent('download'), own.click()]);
    expect(zip[0].suggestedFilename()).toMatch(/^kiln-export-.*\.zip$/);
    expect(await zip[0].failure()).toBeNull();
  });

  it('prepares the ZIP in the background: ready by itself (the page is told), downloaded, kept across reloads, deleted', async () => {
    const prepared = owner.getByRole('list', { name: 'Prepared exports' });
    await owner.getByRole('button', { name: 'Prepare my export' }).click();
    const item = prepared.getByRole('listitem').first();
    // Nothing polls: the page hears the build's progress and its end over its socket.
    await item.getByRole('link', { name: 'Download' }).waitFor({ timeout: 30_000 });
    expect(await item.getByRole('status').textContent()).toMatch(/^Ready · \d/);
    await session.screenshot(owner, 'prepared-export');
    const [file] = await Promise.all([
      owner.waitForEvent('download'),
      item.getByRole('link', { name: 'Download' }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/^kiln-export-\d{4}-\d\d-\d\d\.zip$/);
    expect(await file.failure()).toBeNull();
    const bytes = await readFile((await file.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.includes(Buffer.from('manifest.json'))).toBe(true);

    await owner.reload();
    await prepared.getByRole('link', { name: 'Download' }).waitFor();
    await prepared.getByRole('button', { name: 'Delete this export' }).first().click();
    await prepared.waitFor({ state: 'detached' });
    expect((await api(owner, 'GET', '/exports/archives')).json.archives).toEqual([]);
  });
});

describe('importing on the "Export & import" page', () => {
  beforeAll(async () => {
    importer = await session.newPage();
    await signUp(importer, session.url, 'importer@example.com');
    await openImportPage(importer);
  });

  it('offers a user who is not an admin only their own ZIP', async () => {
    await importer.getByRole('link', { name: 'Export all my conversations (ZIP)' }).waitFor();
    expect(await importer.getByRole('link', { name: 'Export everyone’s (ZIP)' }).count()).toBe(0);
  });

  it('refuses a file Kiln cannot read with the server’s message, keeping the file chosen and adding nothing', async () => {
    await fileInput().setInputFiles({
      name: 'hello.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello":1}'),
    });
    await importButton().click();
    const alert = importer.getByRole('alert');
    await alert.waitFor();
    const message = (await alert.textContent()) ?? '';
    expect(message).toContain('ChatGPT');
    expect(message).toContain('Claude');
    expect(message).toContain('Open WebUI');
    expect(await fileInput().evaluate((input: HTMLInputElement) => input.files?.[0]?.name)).toBe('hello.json');
    expect(await importButton().isEnabled()).toBe(true);
    expect(await conversationCount(importer)).toBe(0);
  });

  it('refuses a file over the size limit with the server’s message', async () => {
    const big = Buffer.from(JSON.stringify({ padding: 'x'.repeat((importLimitMb + 1) * 1024 * 1024) }));
    await fileInput().setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: big });
    await importButton().click();
    await expect.poll(() => importer.getByRole('alert').textContent(), { timeout: 30_000 }).toMatch(/large|limit|MB/i);
    expect(await fileInput().evaluate((input: HTMLInputElement) => input.files?.[0]?.name)).toBe('big.json');
    expect(await conversationCount(importer)).toBe(0);
  });

  it('imports the exported JSON: the report links to the conversation, which the sidebar lists too', async () => {
    await importExported();
    expect(await importer.getByRole('alert').count()).toBe(0);
    expect(await count('Imported')).toBe('1');
    expect(await count('Already imported')).toBe('0');
    expect(await count('Failed')).toBe('0');
    expect(await importedList().textContent()).toContain('6 messages');
    await sidebarLinks(importer, title).waitFor();
    // The form is ready for another file.
    expect(await fileInput().evaluate((input: HTMLInputElement) => input.files?.length)).toBe(0);
  });

  it('opens the imported conversation from the report, with both branches', async () => {
    await importedList().getByRole('link', { name: title }).click();
    await importer.waitForURL(/\/c\/[0-9a-f-]{36}$/, { waitUntil: 'commit' });
    const importedId = new URL(importer.url()).pathname.split('/').at(-1);
    expect(importedId).not.toBe(conversationId);

    const last = () => questions().last();
    await last().getByText('2/2').waitFor();
    expect(await last().textContent()).toContain(editedQuestion);
    await last().getByRole('button', { name: 'Previous version' }).click();
    await last().getByText('1/2').waitFor();
    expect(await last().textContent()).toContain(secondQuestion);
    expect(await questions().first().textContent()).toContain(firstQuestion);
  });

  it('skips the same file imported again: "already imported", and no second copy', async () => {
    await openImportPage(importer);
    await importExported();
    expect(await count('Imported')).toBe('0');
    expect(await count('Already imported')).toBe('1');
    expect(await importedList().textContent()).toContain('already imported');
    expect(await conversationCount(importer)).toBe(1);
    expect(await sidebarLinks(importer, title).count()).toBe(1);
    await session.screenshot(importer, 'export-import-report');

    // The report stays through a network drop and the socket's reconnect.
    session.network.drop();
    const offline = importer.getByRole('status').filter({ hasText: 'Offline' });
    await offline.waitFor();
    session.network.restore();
    await offline.waitFor({ state: 'hidden' });
    expect(await count('Already imported')).toBe('1');
    expect(session.pageErrors).toEqual([]);
  });
});
