import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerFinished,
  sessionToken,
  signUp,
  startBrowserSession,
  type BrowserSession,
} from './support/browser-session.ts';
import { geometryArchive, geometryFiles, largeArchive } from './support/geometry-archive.ts';

// Projects through the real UI: a project created on its page, an archive uploaded and ingested with its progress
// shown from the socket, a conversation attached to the project citing the file a pattern came from, members
// managed by the owner, and the project deleted. One owner's story in order: each step starts where the last left.
let session: BrowserSession;
let page: Page;
let projectId: string;

const projectName = 'Geo tools';
const archiveName = 'geometry.zip';
const uploadLimitMb = 1;
/** The archive's TypeScript files (it holds a README too, which ingest may count or skip). */
const sourceFiles = Object.keys(geometryFiles).filter((name) => name.endsWith('.ts')).length;
const question = 'How do I compute the distance between two latitude/longitude points?';

beforeAll(async () => {
  // Ingest runs in the server's process whatever KILN_WORKERS says; no KILN_PROJECT_ROOTS: no folder sources.
  session = await startBrowserSession({ environment: { KILN_PROJECT_UPLOAD_MB: String(uploadLimitMb) } });
  page = await session.newPage();
  await signUp(page, session.url, 'owner@example.com');
});
afterAll(async () => {
  await session?.stop();
});

const api = async (method: string, path: string, body?: unknown) =>
  session.kiln.api(method, path, { token: await sessionToken(page), body });
const source = () => page.getByRole('listitem', { name: archiveName });
const count = (within: Locator, name: string) => within.locator(`dt:text-is("${name}") + dd`).textContent();
const status = () => source().locator('.status').textContent();
const composer = () => page.getByLabel('Message', { exact: true });
const projectPicker = () => page.getByRole('combobox', { name: 'Project', exact: true });
const sidebar = () => page.getByRole('navigation', { name: 'Conversations' });
const total = (name: string) => page.locator(`dl[aria-label="Totals"] dt:text-is("${name}") + dd`).textContent();
const sidebarLink = (name: string) => page.locator('aside').getByRole('link', { name, exact: true });

/** What the page and the API show, to tell a UI fault from a server one when a wait times out. */
async function explain(error: Error, name: string): Promise<never> {
  await session.screenshot(page, name);
  const alerts = await page.getByRole('alert').allTextContents();
  const project = projectId ? await api('GET', `/projects/${projectId}`) : undefined;
  throw new Error(
    `${error.message}\nalerts: ${alerts.join(' | ')}\n` +
      `GET /projects/${projectId}: ${project?.status} ${project?.text.slice(0, 2_000)}\n` +
      `page errors: ${session.pageErrors.join(' | ')}`,
  );
}

/** Waits for the source to finish ingesting (or to fail, which the caller's assertion then shows). */
async function untilReady() {
  await expect
    .poll(status, { timeout: 90_000, interval: 100 })
    .toMatch(/^(Ready|Failed)$/)
    .catch((error: Error) => explain(error, 'project-ingest-stuck'));
}

interface ProgressState {
  label: string;
  /** Null while the bar shows no figure (queued, or files still being counted). */
  value: number | null;
  max: number;
}

/** Records in the page every state the ingest progress bars show as the DOM changes: a bar may live less than a poll. */
function recordProgressBars() {
  return page.evaluate(() => {
    const states: ProgressState[] = [];
    const record = () => {
      for (const bar of document.querySelectorAll<HTMLProgressElement>('progress[aria-label^="Ingest progress"]'))
        states.push({
          label: bar.getAttribute('aria-label') ?? '',
          value: bar.hasAttribute('value') ? bar.value : null,
          max: bar.max,
        });
    };
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['value', 'max'],
    });
    Object.assign(window, { progressStates: states });
  });
}

const recordedProgress = () =>
  page.evaluate(() => (window as unknown as { progressStates: ProgressState[] }).progressStates);

describe('projects', () => {
  it('creates a project from the Projects page in the sidebar', async () => {
    await sidebarLink('Projects').click();
    await page.waitForURL('**/projects', { waitUntil: 'commit' });
    await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
    await page.getByText('No projects yet').waitFor();

    await page.getByLabel('Project name').fill(projectName);
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL(/\/projects\/[^/]+$/, { waitUntil: 'commit' });
    projectId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('heading', { name: projectName, level: 1 }).waitFor();
    expect(await page.locator('header .lead').textContent()).toContain('Your role: owner.');
    expect(await page.getByRole('table', { name: 'Members' }).textContent()).toContain('owner@example.com');
    expect((await api('GET', '/projects')).json.projects.map((project: { name: string }) => project.name)).toEqual([
      projectName,
    ]);
  });

  it('refuses a file that is not an archive before uploading it, keeping the form', async () => {
    const upload = page.getByRole('form', { name: 'New archive source' });
    await upload.getByLabel('Archive (.zip or .tar.gz)').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not an archive'),
    });
    await upload.getByRole('button', { name: 'Upload', exact: true }).click();
    const refusal = page.getByRole('region', { name: 'Add source' }).getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('notes.txt is not a .zip or .tar.gz archive.');
    expect(await page.getByRole('listitem', { name: 'notes.txt' }).count()).toBe(0);
  });

  it("shows the server's refusals inline, keeping what was typed: folder sources off, an archive too large", async () => {
    await page.getByRole('radio', { name: 'Folder on the server' }).check();
    const refusal = page.getByRole('region', { name: 'Add source' }).getByRole('alert');
    expect(await refusal.count()).toBe(0);
    const folder = page.getByRole('form', { name: 'New folder source' });
    await folder.getByLabel('Folder path').fill('/srv/code/billing');
    await folder.getByRole('button', { name: 'Add folder' }).click();
    await refusal.waitFor();
    expect((await refusal.textContent())?.trim()).not.toBe('');
    expect(await folder.getByLabel('Folder path').inputValue()).toBe('/srv/code/billing');

    await page.getByRole('radio', { name: 'Upload an archive' }).check();
    const upload = page.getByRole('form', { name: 'New archive source' });
    await upload.getByLabel('Archive (.zip or .tar.gz)').setInputFiles({
      name: 'huge.zip',
      mimeType: 'application/zip',
      buffer: await largeArchive((uploadLimitMb + 1) * 1024 * 1024),
    });
    await upload.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect.poll(() => refusal.textContent(), { timeout: 30_000 }).toMatch(/large|big|limit|MB/i);
    expect(await page.getByRole('listitem', { name: 'huge.zip' }).count()).toBe(0);
    // The file stays chosen: Upload is still offered for it.
    expect(await upload.getByRole('button', { name: 'Upload', exact: true }).isEnabled()).toBe(true);
  });

  it('uploads an archive and shows its ingest progress until it is ready with patterns', async () => {
    const upload = page.getByRole('form', { name: 'New archive source' });
    await upload.getByLabel('Archive (.zip or .tar.gz)').setInputFiles({
      name: archiveName,
      mimeType: 'application/zip',
      buffer: await geometryArchive(),
    });
    await recordProgressBars();
    await upload.getByRole('button', { name: 'Upload', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Added ${archiveName}` })
      .waitFor();
    expect(await source().textContent()).toContain('Archive');

    await untilReady();
    expect(await status()).toBe('Ready');
    // The bar showed the files being read, only ever forward and within its bounds, and went when ingest ended.
    const shown = (await recordedProgress()).filter((state) => state.label === `Ingest progress of ${archiveName}`);
    const counted = shown.filter((state) => state.value !== null);
    expect(counted.length, JSON.stringify(shown)).toBeGreaterThan(0);
    for (const [index, state] of counted.entries()) {
      expect(state.value).toBeLessThanOrEqual(state.max);
      if (index > 0) expect(state.value).toBeGreaterThanOrEqual(counted[index - 1]!.value!);
    }
    expect(counted.at(-1)!.max).toBe(Number(await count(source(), 'Files found')));
    expect(await source().getByRole('progressbar').count()).toBe(0);
    expect(Number(await count(source(), 'Files found'))).toBeGreaterThanOrEqual(sourceFiles);
    expect(Number(await count(source(), 'Indexed'))).toBeGreaterThanOrEqual(sourceFiles);
    expect(Number(await count(source(), 'Patterns'))).toBeGreaterThan(0);
    expect(await total('Sources')).toBe('1');
    expect(await total('Patterns')).toBe(await count(source(), 'Patterns'));
    await session.screenshot(page, 'project-ready');
  });

  it("answers a question in a conversation attached to the project, citing the project's file", async () => {
    await sidebarLink('New chat').click();
    await page.waitForURL('**/c', { waitUntil: 'commit' });
    await projectPicker().selectOption({ label: projectName });
    await page.getByRole('link', { name: `Project ${projectName}` }).waitFor();
    await composer().fill(question);
    await composer().press('Enter');
    await page.waitForURL(/\/c\/[^/]+$/, { waitUntil: 'commit' });
    const conversationId = new URL(page.url()).pathname.split('/').pop()!;
    expect((await api('GET', `/conversations/${conversationId}`)).json.projectId).toBe(projectId);

    const answer = page.getByRole('article', { name: "Kiln's answer" }).last();
    await answerFinished(answer);
    const sources = answer.getByRole('region', { name: 'Sources' });
    await sources.waitFor().catch((error: Error) => explain(error, 'project-answer-without-sources'));
    const citation = sources.getByRole('button', {
      name: new RegExp(`from src/geometry/haversine\\.ts in project ${projectName}`),
    });
    await citation
      .first()
      .waitFor({ timeout: 5_000 })
      .catch(async (error: Error) =>
        explain(new Error(`${error.message}\nsources: ${await sources.textContent()}`), 'project-citation-missing'),
      );
    const text = await citation.first().textContent();
    expect(text).toContain(projectName);
    expect(text).toContain('src/geometry/haversine.ts');

    // The chat header and the sidebar show the project the conversation is attached to.
    expect(await projectPicker().inputValue()).toBe(projectId);
    expect(await page.getByRole('link', { name: `Project ${projectName}` }).getAttribute('href')).toBe(
      `/projects/${projectId}`,
    );
    expect(await sidebar().getByRole('listitem').first().textContent()).toContain(projectName);
    await session.screenshot(page, 'project-citation');
  });

  it('detaches the conversation from the project and attaches it again', async () => {
    const conversationId = new URL(page.url()).pathname.split('/').pop()!;
    await projectPicker().selectOption({ label: 'No project' });
    // Polled, each: on a busy machine the page may show the change a moment after the server has it.
    await expect
      .poll(async () => (await api('GET', `/conversations/${conversationId}`)).json.projectId, { timeout: 10_000 })
      .toBeNull();
    await expect
      .poll(() => page.getByRole('link', { name: `Project ${projectName}` }).count(), { timeout: 10_000 })
      .toBe(0);
    await expect
      .poll(async () => await sidebar().getByRole('listitem').first().textContent(), { timeout: 10_000 })
      .not.toContain(projectName);

    await projectPicker().selectOption({ label: projectName });
    await page.getByRole('link', { name: `Project ${projectName}` }).waitFor();
    expect((await api('GET', `/conversations/${conversationId}`)).json.projectId).toBe(projectId);
  });

  it('re-ingests the archive: nothing changed, so every file is unchanged and the patterns stay', async () => {
    await sidebarLink('Projects').click();
    await page.getByRole('list', { name: 'Your projects' }).getByRole('link', { name: projectName }).click();
    await page.getByRole('heading', { name: projectName, level: 1 }).waitFor();
    const patterns = Number(await count(source(), 'Patterns'));
    expect(await count(source(), 'Unchanged')).toBe('0');
    await page.getByRole('button', { name: `Re-ingest ${archiveName}` }).click();
    // Done when the counts are the new ingest's (it may be over before its Queued state is seen).
    await expect
      .poll(async () => Number(await count(source(), 'Unchanged')), { timeout: 90_000 })
      .toBeGreaterThanOrEqual(sourceFiles)
      .catch((error: Error) => explain(error, 'project-reingest-stuck'));
    await untilReady();
    expect(await status()).toBe('Ready');
    expect(await count(source(), 'Indexed')).toBe('0');
    expect(Number(await count(source(), 'Patterns'))).toBe(patterns);
  });

  it('lets the owner add a member, change their role and remove them', async () => {
    await session.kiln.register('teammate@example.com');
    const members = page.getByRole('table', { name: 'Members' });
    const addForm = page.getByRole('form', { name: 'Add a member' });
    await addForm.getByLabel('Email').fill('teammate@example.com');
    await addForm.getByLabel('Role').selectOption('editor');
    await addForm.getByRole('button', { name: 'Add member' }).click();
    const role = page.getByRole('combobox', { name: 'Role of teammate@example.com' });
    await role.waitFor();
    expect(await role.inputValue()).toBe('editor');
    expect(await addForm.getByLabel('Email').inputValue()).toBe('');

    await role.selectOption('viewer');
    await expect
      .poll(async () => {
        const project = (await api('GET', `/projects/${projectId}`)).json;
        return project.members.find((member: { email: string }) => member.email === 'teammate@example.com')?.role;
      })
      .toBe('viewer');

    await page.getByRole('button', { name: 'Remove teammate@example.com' }).click();
    await expect.poll(() => members.textContent()).not.toContain('teammate@example.com');
    expect((await api('GET', `/projects/${projectId}`)).json.members).toHaveLength(1);
  });

  it('shows the server refusing an unknown member inline, keeping what was typed', async () => {
    const addForm = page.getByRole('form', { name: 'Add a member' });
    await addForm.getByLabel('Email').fill('nobody@example.com');
    await addForm.getByRole('button', { name: 'Add member' }).click();
    const refusal = page.getByRole('region', { name: 'Members' }).getByRole('alert');
    await refusal.waitFor();
    expect((await refusal.textContent())?.trim()).not.toBe('');
    expect(await addForm.getByLabel('Email').inputValue()).toBe('nobody@example.com');
  });

  it('deletes the project after confirmation: gone from the list and from the conversation', async () => {
    await page.getByRole('button', { name: 'Delete project' }).click();
    const dialog = page.getByRole('dialog', { name: `Delete ${projectName}?` });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await dialog.isVisible()).toBe(false);
    expect((await api('GET', `/projects/${projectId}`)).status).toBe(200);

    await page.getByRole('button', { name: 'Delete project' }).click();
    await dialog.getByRole('button', { name: 'Delete for good' }).click();
    await page.waitForURL('**/projects', { waitUntil: 'commit' });
    await page.getByText('No projects yet').waitFor();
    expect((await api('GET', `/projects/${projectId}`)).status).toBe(404);
    expect(await sidebar().getByRole('listitem').first().textContent()).not.toContain(projectName);
    expect(session.pageErrors).toEqual([]);
  });
});
