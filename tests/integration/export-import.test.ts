import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { Readable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import type { ConversationExport, ExportManifest, ImportReport } from '../../protocol/conversation-export.ts';
import type { ExportArchive } from '../../protocol/export-archive.ts';
import { sqlHandle } from '../../platform/database/sql-handle.ts';
import { buildArchive } from '../../server/exports/export-archive-job.ts';
import { ExportArchiveRepository } from '../../server/exports/export-archive-repository.ts';
import { startTestServer, turnEnded } from '../support/test-server.ts';
import { zipOf } from '../support/zip-of.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = (name: string) => readFile(path.join(root, 'tests/fixtures/imports', name));

let kiln: Awaited<ReturnType<typeof startTestServer>>;
let alice: { token: string; user: { id: string } };
let bob: { token: string; user: { id: string } };
let conversationId: string;

async function upload(token: string, bytes: Buffer | string, name = 'export.json') {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const response = await fetch(`${kiln.url}/api/v1/imports`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${token}`, connection: 'close' },
  });
  const text = await response.text();
  return {
    status: response.status,
    json: text ? (JSON.parse(text) as ImportReport & { error?: { message: string } }) : undefined,
  };
}

async function download(token: string, url: string) {
  const response = await fetch(`${kiln.url}/api/v1${url}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

async function conversationCount(token: string) {
  return ((await kiln.api('GET', '/conversations?limit=100', { token })).json.conversations as unknown[]).length;
}

/** A ZIP's entries by name (the whole ZIP is small in these tests). */
async function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, opened) => (error ? reject(error) : resolve(opened))),
  );
  const entries = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) =>
      zip.openReadStream(entry, async (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        entries.set(entry.fileName, Buffer.concat(chunks));
        zip.readEntry();
      }),
    );
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

/** The export with ids, times and versions replaced by what stays the same across an import. */
function comparable(doc: ConversationExport) {
  const ids = new Map(doc.messages.map((message, index) => [message.id, `m${index}`]));
  return {
    title: doc.conversation.title,
    activeLeaf: doc.conversation.activeLeafId && ids.get(doc.conversation.activeLeafId),
    messages: doc.messages.map((message) => ({
      id: ids.get(message.id),
      parent: message.parentId && ids.get(message.parentId),
      role: message.role,
      content: message.content,
      status: message.status,
      usage: message.usage,
      feedback: message.feedback,
      turn: message.turn && { ...message.turn, turnId: undefined },
    })),
  };
}

beforeAll(async () => {
  kiln = await startTestServer({ environment: { KILN_IMPORT_MAX_MB: '1', SANDBOX: 'off' } });
  alice = await kiln.register('alice@example.com');
  bob = await kiln.register('bob@example.com');
  // A conversation with two branches (an edited question), a thumb and an answer in each.
  conversationId = (await kiln.newConversation(alice.token, 'Debounce <b>& friends</b> ✨')).id;
  const io = await kiln.socket(alice.token);
  const first = await io.request('message:send', { conversationId, content: 'How do I debounce a function?' });
  await io.until(turnEnded(first.turnId));
  const second = await io.request('message:send', { conversationId, content: 'And throttle?' });
  await io.until(turnEnded(second.turnId));
  const edited = await io.request('message:send', {
    conversationId,
    content: 'And throttle, in TypeScript?',
    parentId: first.assistantMessageId,
  });
  await io.until(turnEnded(edited.turnId));
  io.client.close();
  const thumb = await kiln.api(
    'PUT',
    `/conversations/${conversationId}/messages/${first.assistantMessageId}/feedback`,
    {
      token: alice.token,
      body: { rating: 'up' },
    },
  );
  expect(thumb.status).toBeLessThan(300);
}, 120_000);

afterAll(async () => {
  await kiln?.stop();
});

describe('conversation export', () => {
  it('gives the whole tree as kiln.conversation.v1 JSON, valid against the published schema', async () => {
    const response = await download(alice.token, `/conversations/${conversationId}/export?format=json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.json"/);
    const doc = JSON.parse(response.bytes.toString('utf8')) as ConversationExport;
    expect(doc.schema).toBe('kiln.conversation.v1');
    expect(doc.messages).toHaveLength(6);
    expect(doc.messages.filter((message) => message.parentId === doc.messages[1]!.id)).toHaveLength(2);
    expect(doc.messages.find((message) => message.feedback === 'up')).toBeDefined();
    expect(doc.messages.filter((message) => message.role === 'assistant').every((message) => message.turn)).toBe(true);
    const schema = JSON.parse(await readFile(path.join(root, 'docs/schemas/kiln.conversation.v1.schema.json'), 'utf8'));
    const ajv = new Ajv2020.default({ strict: false, validateFormats: false });
    expect(ajv.validate(schema, doc), JSON.stringify(ajv.errors)).toBe(true);
  });

  it('gives the active branch as Markdown, every branch on request, and a self-contained HTML file', async () => {
    const markdown = (
      await download(alice.token, `/conversations/${conversationId}/export?format=md`)
    ).bytes.toString();
    expect(markdown).toContain('And throttle, in TypeScript?');
    expect(markdown).not.toContain('And throttle?\n');
    const all = (
      await download(alice.token, `/conversations/${conversationId}/export?format=md&branches=all`)
    ).bytes.toString();
    expect(all).toContain('And throttle?');
    expect(all).toContain('And throttle, in TypeScript?');
    const html = await download(alice.token, `/conversations/${conversationId}/export?format=html`);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    const page = html.bytes.toString();
    expect(page).toContain('Debounce &lt;b&gt;&amp; friends&lt;/b&gt;');
    expect(page).not.toMatch(/<script|<link |src=/i);
    expect(page).toContain('@media print');
  });

  it('is a 404 for anyone but the owner, and a 400 for a bad format', async () => {
    expect((await download(bob.token, `/conversations/${conversationId}/export`)).status).toBe(404);
    expect((await download(bob.token, `/conversations/not-an-id/export`)).status).toBe(404);
    expect((await download(alice.token, `/conversations/${conversationId}/export?format=pdf`)).status).toBe(400);
  });

  it('streams every conversation of the user as a ZIP with a manifest; everyone’s only for an admin', async () => {
    const response = await download(alice.token, '/exports');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const entries = await unzip(response.bytes);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString()) as ExportManifest;
    expect(manifest).toMatchObject({
      schema: 'kiln.export.v1',
      scope: 'own',
      counts: { conversations: 1, messages: 6 },
    });
    const files = manifest.conversations[0]!.files;
    for (const file of [files.json, files.markdown, files.html]) expect(entries.has(file), file).toBe(true);
    // Alice registered first: she is the admin; Bob is not.
    expect((await download(bob.token, '/exports?all=true')).status).toBe(403);
    const all = JSON.parse(
      (await unzip((await download(alice.token, '/exports?all=true')).bytes)).get('manifest.json')!.toString(),
    );
    expect(all.scope).toBe('all');
  });
});

describe('export of many conversations', () => {
  it('puts each conversation in the ZIP once, across pages', async () => {
    const frank = await kiln.register('frank@example.com');
    for (let index = 0; index < 105; index += 1) await kiln.newConversation(frank.token, `Conversation ${index}`);
    const manifest = JSON.parse(
      (await unzip((await download(frank.token, '/exports')).bytes)).get('manifest.json')!.toString(),
    ) as ExportManifest;
    expect(manifest.counts.conversations).toBe(105);
    expect(new Set(manifest.conversations.map((conversation) => conversation.id)).size).toBe(105);
  }, 60_000);

  it('leaves no export running once a download ends or is abandoned', async () => {
    const exportConnections = async () =>
      Number(
        (
          (await kiln.server.infrastructure!.dataSource.query(
            `SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'kiln-export'`,
          )) as { n: string }[]
        )[0]!.n,
      );
    const waitForNone = async () => {
      const deadline = Date.now() + 10_000;
      while ((await exportConnections()) > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return exportConnections();
    };

    await download(alice.token, '/exports');
    expect(await waitForNone()).toBe(0);

    const abandoned = new AbortController();
    const response = await fetch(`${kiln.url}/api/v1/exports?all=false`, {
      headers: { authorization: `Bearer ${alice.token}` },
      signal: abandoned.signal,
    });
    expect(response.status).toBe(200);
    await response.body!.getReader().read();
    abandoned.abort();
    expect(await waitForNone()).toBe(0);
  }, 60_000);
});

describe('exports prepared in the background', () => {
  it('builds the ZIP in a job, tells the owner’s tabs as it goes, and serves it to the owner alone', async () => {
    const io = await kiln.socket(alice.token);
    const heard: ExportArchive[] = [];
    io.client.on('export:archive', (archive) => heard.push(archive));
    const asked = await kiln.api('POST', '/exports/archives', { token: alice.token });
    expect(asked.status).toBe(202);
    const archive = asked.json.archive as ExportArchive;
    expect(asked.headers.get('location')).toBe(`/api/v1/exports/archives/${archive.id}`);
    expect(archive).toMatchObject({ scope: 'own', status: 'queued', downloadUrl: null });
    expect(Date.parse(archive.expiresAt) - Date.parse(archive.createdAt)).toBe(24 * 60 * 60 * 1000);

    await expect.poll(() => heard.at(-1)?.status, { timeout: 30_000 }).toBe('ready');
    expect(heard.map((each) => each.status)).toContain('building');
    io.client.close();
    const ready = (await kiln.api('GET', `/exports/archives/${archive.id}`, { token: alice.token })).json
      .archive as ExportArchive;
    expect(ready).toMatchObject({ status: 'ready', downloadUrl: `/api/v1/exports/archives/${archive.id}/download` });
    expect(ready.bytes).toBeGreaterThan(0);
    const listed = (await kiln.api('GET', '/exports/archives', { token: alice.token })).json
      .archives as ExportArchive[];
    expect(listed.map((each) => each.id)).toContain(archive.id);

    const zip = await download(alice.token, `/exports/archives/${archive.id}/download`);
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    expect(zip.headers.get('content-disposition')).toMatch(/^attachment; filename="kiln-export-\d{4}-\d\d-\d\d\.zip"/);
    expect(Number(zip.headers.get('content-length'))).toBe(ready.bytes);
    expect(zip.bytes.length).toBe(ready.bytes);
    const entries = await unzip(zip.bytes);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString()) as ExportManifest;
    expect(manifest).toMatchObject({ scope: 'own', counts: { conversations: 1, messages: 6 } });
    for (const file of Object.values(manifest.conversations[0]!.files)) expect(entries.has(file), file).toBe(true);

    // Nobody else sees it, or can tell it exists.
    expect((await kiln.api('GET', `/exports/archives/${archive.id}`, { token: bob.token })).status).toBe(404);
    expect((await download(bob.token, `/exports/archives/${archive.id}/download`)).status).toBe(404);
    expect((await kiln.api('GET', '/exports/archives', { token: bob.token })).json.archives).toEqual([]);
    expect((await kiln.api('DELETE', `/exports/archives/${archive.id}`, { token: bob.token })).status).toBe(404);
    expect((await kiln.api('GET', '/exports/archives/not-an-id', { token: alice.token })).status).toBe(404);

    expect((await kiln.api('DELETE', `/exports/archives/${archive.id}`, { token: alice.token })).status).toBe(204);
    expect((await download(alice.token, `/exports/archives/${archive.id}/download`)).status).toBe(404);
  }, 60_000);

  it('builds everyone’s for an admin only, recorded in the audit log', async () => {
    const recorded = async () =>
      (await kiln.api('GET', '/admin/audit?action=export-all&limit=100', { token: alice.token })).json.entries.length;
    const before = await recorded();
    const refused = await kiln.api('POST', '/exports/archives?all=true', { token: bob.token });
    expect(refused.status).toBe(403);
    expect((await kiln.api('POST', '/exports/archives?all=maybe', { token: alice.token })).status).toBe(400);
    const asked = await kiln.api('POST', '/exports/archives?all=true', { token: alice.token });
    expect(asked.status).toBe(202);
    const id = (asked.json.archive as ExportArchive).id;
    await expect
      .poll(
        async () => (await kiln.api('GET', `/exports/archives/${id}`, { token: alice.token })).json.archive.status,
        {
          timeout: 30_000,
        },
      )
      .toBe('ready');
    const manifest = JSON.parse(
      (await unzip((await download(alice.token, `/exports/archives/${id}/download`)).bytes))
        .get('manifest.json')!
        .toString(),
    ) as ExportManifest;
    expect(manifest.scope).toBe('all');
    expect(await recorded()).toBe(before + 1);
  }, 60_000);

  /** A new archive of Alice's in the real tables, and what a build of it needs, its ZIP coming from `archiveOf`. */
  async function anArchive() {
    const repository = new ExportArchiveRepository(sqlHandle(kiln.server.infrastructure!.dataSource));
    const archive = await repository.create({
      ownerId: alice.user.id,
      scope: 'own',
      fileName: 'a.zip',
      keepFor: 60_000,
    });
    const told: string[] = [];
    const dependencies = (archiveOf: () => Readable) => ({
      repository,
      archiveOf,
      kilnVersion: 'test',
      tell: (stored: { status: string }) => told.push(stored.status),
      log: pino({ level: 'silent' }),
    });
    return { repository, archive, told, dependencies };
  }

  it('keeps only the latest build of an archive: a retried job starts over and the first build’s writes are refused', async () => {
    const { repository, archive, told, dependencies: build } = await anArchive();
    const dependencies = (parts: string[]) => build(() => Readable.from(parts.map((part) => Buffer.from(part))));
    // The first build (a server that then seemed dead) has written one chunk when the retry starts its own.
    const first = (await repository.start(archive.id))!;
    expect(await repository.append(archive.id, first.attempt, 0, Buffer.from('stale '))).toBe(true);
    expect(await buildArchive(archive.id, dependencies(['fresh ', 'zip']))).toMatchObject({ status: 'ready' });
    expect(await repository.append(archive.id, first.attempt, 1, Buffer.from('late'))).toBe(false);
    expect(await repository.finish(archive.id, first.attempt, { status: 'ready' })).toBeUndefined();
    const stored = (await repository.find(archive.id))!;
    expect(stored).toMatchObject({ status: 'ready', bytes: 9 });
    const bytes = await download(alice.token, `/exports/archives/${archive.id}/download`);
    expect(bytes.bytes.toString()).toBe('fresh zip');
    // A third run of the job (pg-boss retried it once more) finds it finished and builds nothing.
    expect(await buildArchive(archive.id, dependencies(['again']))).toMatchObject({ status: 'finished or removed' });
    expect(told).toEqual(['building', 'ready']);
    expect((await download(alice.token, `/exports/archives/${archive.id}/download`)).bytes.toString()).toBe(
      'fresh zip',
    );
  });

  it('keeps a user’s newest five archives: asking for a sixth deletes the oldest finished one', async () => {
    const keeper = await kiln.register('archive-keeper@example.com');
    const repository = new ExportArchiveRepository(sqlHandle(kiln.server.infrastructure!.dataSource));
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const archive = await repository.create({
        ownerId: keeper.user.id,
        scope: 'own',
        fileName: 'a.zip',
        keepFor: 60_000,
      });
      const started = (await repository.start(archive.id))!;
      await repository.finish(archive.id, started.attempt, { status: 'ready' });
      ids.push(archive.id);
    }
    const asked = await kiln.api('POST', '/exports/archives', { token: keeper.token });
    expect(asked.status).toBe(202);
    const listed = (await kiln.api('GET', '/exports/archives', { token: keeper.token })).json
      .archives as ExportArchive[];
    expect(listed.map((archive) => archive.id)).toEqual([asked.json.archive.id, ...ids.slice(1).reverse()]);
  });

  it('marks the archive failed, with a plain message, when the build fails; its download is a 409', async () => {
    const { archive, dependencies } = await anArchive();
    // A worker that dies once it has started (as exportInWorker's stream then errors).
    await buildArchive(
      archive.id,
      dependencies(() => {
        const broken = new Readable({ read() {} });
        setImmediate(() => broken.destroy(new Error('the export worker ran out of memory')));
        return broken;
      }),
    );
    const failed = (await kiln.api('GET', `/exports/archives/${archive.id}`, { token: alice.token })).json
      .archive as ExportArchive;
    expect(failed).toMatchObject({ status: 'failed', downloadUrl: null });
    expect(failed.error).toMatch(/could not be built/);
    expect(failed.error).not.toMatch(/memory/);
    const refused = await kiln.api('GET', `/exports/archives/${archive.id}/download`, { token: alice.token });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toMatch(/failed; ask for a new one/);
  });
});

describe('conversation import', () => {
  it('round-trips a Kiln export into another account: the same conversation, and a second import is skipped', async () => {
    const exported = (await download(alice.token, `/conversations/${conversationId}/export?format=json`)).bytes;
    const report = await upload(bob.token, exported);
    expect(report.status).toBe(200);
    expect(report.json).toMatchObject({ format: 'kiln', imported: 1, skipped: 0, failed: 0 });
    const imported = report.json!.conversations[0]!;
    expect(imported.status).toBe('imported');
    const again = (
      await download(bob.token, `/conversations/${(imported as { conversationId: string }).conversationId}/export`)
    ).bytes;
    const original = JSON.parse(exported.toString()) as ConversationExport;
    const copy = JSON.parse(again.toString()) as ConversationExport;
    expect(comparable(copy)).toEqual(comparable(original));
    expect(copy.conversation.origin).toEqual({ format: 'kiln', id: conversationId });
    expect((await upload(bob.token, exported)).json).toMatchObject({ imported: 0, skipped: 1 });
    // A NUL character (valid JSON, which Postgres cannot store) does not fail the conversation.
    const withNul = {
      ...original,
      conversation: { ...original.conversation, id: '00000000-0000-4000-8000-000000000001' },
    };
    withNul.messages = withNul.messages.map((message, index) =>
      index === 0 ? { ...message, content: 'a\u0000b' } : message,
    );
    expect((await upload(bob.token, JSON.stringify(withNul))).json).toMatchObject({ imported: 1, failed: 0 });
    // Alice's own copy is untouched and Bob's are Bob's alone.
    expect(await conversationCount(bob.token)).toBe(2);
    expect(await conversationCount(alice.token)).toBe(1);
  });

  it('imports a Kiln export ZIP', async () => {
    const carol = await kiln.register('carol@example.com');
    const zip = (await download(alice.token, '/exports')).bytes;
    const report = await upload(carol.token, zip, 'kiln-export.zip');
    expect(report.json).toMatchObject({ format: 'kiln', imported: 1 });
  });

  it('imports ChatGPT, Claude and Open WebUI exports, each bad conversation failing alone', async () => {
    const dan = await kiln.register('dan@example.com');
    const chatgpt = await upload(dan.token, await fixture('chatgpt/conversations.json'), 'conversations.json');
    expect(chatgpt.json).toMatchObject({ format: 'chatgpt', imported: 3, failed: 2 });
    for (const failed of chatgpt.json!.conversations.filter((outcome) => outcome.status === 'failed')) {
      expect((failed as { reason: string }).reason.length).toBeGreaterThan(10);
    }
    const claude = await upload(dan.token, await fixture('claude/conversations.json'));
    expect(claude.json).toMatchObject({ format: 'claude', imported: 2, failed: 1 });
    const openwebui = await upload(dan.token, await fixture('openwebui/export.json'));
    expect(openwebui.json).toMatchObject({ format: 'openwebui', imported: 2, failed: 1 });
    // ChatGPT's ZIP carries the same conversations.json: all already imported.
    const zipped = await zipOf({
      'conversations.json': await fixture('chatgpt/conversations.json'),
      'user.json': '{}',
    });
    expect((await upload(dan.token, zipped, 'chatgpt.zip')).json).toMatchObject({ imported: 0, skipped: 3, failed: 2 });

    // The edited ChatGPT question: both branches are there, the later one shown.
    const squares = chatgpt.json!.conversations.find((outcome) => outcome.title === 'Squares and cubes') as {
      conversationId: string;
    };
    const doc = JSON.parse(
      (await download(dan.token, `/conversations/${squares.conversationId}/export`)).bytes.toString(),
    ) as ConversationExport;
    const forks = doc.messages.filter(
      (message) => doc.messages.filter((other) => other.parentId === message.id).length > 1,
    );
    expect(forks.length).toBeGreaterThanOrEqual(1);
    expect(doc.conversation.activeLeafId).not.toBeNull();
  });

  it('refuses files it cannot take with a clear 4xx, importing nothing', async () => {
    const erin = await kiln.register('erin@example.com');
    const unknown = await upload(erin.token, JSON.stringify([{ hello: 'world' }]));
    expect(unknown.status).toBe(400);
    expect(unknown.json!.error!.message).toMatch(/ChatGPT/);
    const notJson = await upload(erin.token, 'this is not json');
    expect(notJson.status).toBe(400);
    // Valid conversations, then a byte that is not UTF-8: refused whole.
    const chatgpt = await fixture('chatgpt/conversations.json');
    const broken = Buffer.concat([
      chatgpt.subarray(0, chatgpt.length - 2),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(']'),
    ]);
    const invalid = await upload(erin.token, broken);
    expect(invalid.status).toBe(400);
    expect(invalid.json!.error!.message).toMatch(/UTF-8/);
    // Over KILN_IMPORT_MAX_MB (1 MiB here).
    const large = await upload(erin.token, Buffer.alloc(1_200_000, 32));
    expect(large.status).toBe(413);
    // A ZIP bomb: 6 MiB of spaces inside a few KiB (the ZIP may unpack to 4 MiB).
    const bomb = await zipOf({ 'conversations.json': Buffer.alloc(6 * 1024 * 1024, 32) });
    expect(bomb.length).toBeLessThan(100_000);
    const exploded = await upload(erin.token, bomb, 'bomb.zip');
    expect(exploded.status).toBe(413);
    // A name that leaves the archive.
    const traversal = await zipOf(
      { 'conversations.json': await fixture('claude/conversations.json'), 'aaaaaa/evil.txt': 'x' },
      { 'aaaaaa/evil.txt': '../../evil.txt' },
    );
    const refused = await upload(erin.token, traversal, 'traversal.zip');
    expect(refused.status).toBe(400);
    // No file at all.
    const form = new FormData();
    form.append('other', 'x');
    const empty = await fetch(`${kiln.url}/api/v1/imports`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${erin.token}`, connection: 'close' },
    });
    expect(empty.status).toBe(400);
    expect(await conversationCount(erin.token)).toBe(0);
  });
});
