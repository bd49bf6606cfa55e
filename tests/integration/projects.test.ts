import { execFileSync } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project, ProjectSource } from '../../protocol/project.ts';
import { startTestServer, turnEnded } from '../support/test-server.ts';
import { temporaryDirectory } from '../support/temporary-directory.ts';
import { zipOf } from '../support/zip-of.ts';

let kiln: Awaited<ReturnType<typeof startTestServer>>;
let roots: Awaited<ReturnType<typeof temporaryDirectory>>;
let owner: { token: string; user: { id: string; email: string } };
let stranger: { token: string; user: { id: string; email: string } };
let viewer: { token: string; user: { id: string; email: string } };

/** A small codebase: each file has one job and says so. */
const codebase: Record<string, string> = {
  'src/geometry/haversine.ts': `/**
 * Great-circle distance between two points on the Earth given as latitude and longitude, in kilometres
 * (the haversine formula).
 */
export function haversineDistance(from: { lat: number; lon: number }, to: { lat: number; lon: number }): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = radians(to.lat - from.lat);
  const dLon = radians(to.lon - from.lon);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(radians(from.lat)) * Math.cos(radians(to.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}
`,
  'src/text/slugify.ts': `/** Turns a title into a URL slug: lower case, words joined by hyphens, accents and punctuation removed. */
export function slugify(title: string): string {
  return title.normalize('NFKD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
`,
  'src/billing/invoice-number.ts': `/** Formats the zorblax invoice number of a customer order: year, branch code and a zero-padded sequence. */
export function zorblaxInvoiceNumber(year: number, branch: string, sequence: number): string {
  return \`\${year}-\${branch.toUpperCase()}-\${String(sequence).padStart(6, '0')}\`;
}
`,
};

async function writeCodebase(folder: string, files = codebase) {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.join(folder, path.dirname(file)), { recursive: true });
    await writeFile(path.join(folder, file), text);
  }
}

beforeAll(async () => {
  roots = await temporaryDirectory('kiln-project-roots');
  await writeCodebase(path.join(roots.path, 'shop'));
  kiln = await startTestServer({
    environment: { KILN_PROJECT_ROOTS: roots.path, KILN_PROJECT_UPLOAD_MB: '1' },
  });
  owner = await kiln.register('owner@example.com');
  stranger = await kiln.register('stranger@example.com');
  viewer = await kiln.register('viewer@example.com');
}, 120_000);
afterAll(async () => {
  await kiln?.stop();
  await roots?.remove();
});

const create = async (name: string, token = owner.token) =>
  (await kiln.api('POST', '/projects', { token, body: { name } })).json as Project;

/** Waits until the source has finished ingesting (ready or failed); answers it. */
async function settled(projectId: string, sourceId: string, token = owner.token): Promise<ProjectSource> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const project = (await kiln.api('GET', `/projects/${projectId}`, { token })).json as Project;
    const source = project.sources.find((candidate) => candidate.id === sourceId)!;
    if (source.status === 'ready' || source.status === 'failed') return source;
    if (Date.now() > deadline) throw new Error(`source still ${source.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const search = (query: string, token: string, projectId?: string) =>
  kiln.api('GET', `/patterns/search?q=${encodeURIComponent(query)}&k=5${projectId ? `&projectId=${projectId}` : ''}`, {
    token,
  });

describe('projects', () => {
  let project: Project;
  let folderSource: ProjectSource;

  it('creates a project whose creator is its owner, and lists it only to its members', async () => {
    const created = await kiln.api('POST', '/projects', { token: owner.token, body: { name: 'Shop' } });
    expect(created.status).toBe(201);
    project = created.json;
    expect(project).toMatchObject({ name: 'Shop', role: 'owner', sources: [], patterns: 0 });
    expect(project.members).toEqual([expect.objectContaining({ email: 'owner@example.com', role: 'owner' })]);

    expect(
      (await kiln.api('GET', '/projects', { token: owner.token })).json.projects.map((p: Project) => p.id),
    ).toEqual([project.id]);
    expect((await kiln.api('GET', '/projects', { token: stranger.token })).json.projects).toEqual([]);
    expect((await kiln.api('GET', `/projects/${project.id}`, { token: stranger.token })).status).toBe(404);
    expect((await kiln.api('GET', '/projects/not-an-id', { token: owner.token })).status).toBe(404);
  });

  it('refuses bad input with a 4xx that names the problem, and adds nothing', async () => {
    const blank = await kiln.api('POST', '/projects', { token: owner.token, body: { name: '  ' } });
    expect(blank.status).toBe(400);
    const outside = await kiln.api('POST', `/projects/${project.id}/sources`, {
      token: owner.token,
      body: { type: 'folder', path: '/etc' },
    });
    expect(outside.status).toBe(400);
    expect(outside.json.error.message).toContain(roots.path);
    const badUrl = await kiln.api('POST', `/projects/${project.id}/sources`, {
      token: owner.token,
      body: { type: 'git', url: 'ext::sh -c touch% /tmp/pwned' },
    });
    expect(badUrl.status).toBe(400);
    const unknownType = await kiln.api('POST', `/projects/${project.id}/sources`, {
      token: owner.token,
      body: { type: 'ftp', url: 'ftp://example.com' },
    });
    expect(unknownType.status).toBe(400);
    expect((await kiln.api('GET', `/projects/${project.id}`, { token: owner.token })).json.sources).toEqual([]);
  });

  it('ingests a server folder as a job, with progress sent to members over the socket', async () => {
    const tab = await kiln.socket(owner.token);
    const progress: ProjectSource[] = [];
    tab.client.on('project:source', (source: ProjectSource) => progress.push(source));
    const outsider = await kiln.socket(stranger.token);
    const overheard: ProjectSource[] = [];
    outsider.client.on('project:source', (source: ProjectSource) => overheard.push(source));
    const added = await kiln.api('POST', `/projects/${project.id}/sources`, {
      token: owner.token,
      body: { type: 'folder', path: path.join(roots.path, 'shop') },
    });
    expect(added.status).toBe(202);
    expect(added.json).toMatchObject({ type: 'folder', status: 'queued' });
    expect(added.json).not.toHaveProperty('directory');
    folderSource = await settled(project.id, added.json.id);
    expect(folderSource).toMatchObject({
      status: 'ready',
      error: null,
      counts: { filesFound: 3, filesDone: 3, filesIndexed: 3, filesUnchanged: 0 },
    });
    // A file pattern and a function pattern per file.
    expect(folderSource.counts.patterns).toBe(6);
    expect(folderSource.ingestedAt).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(progress.map((source) => source.status)).toContain('ingesting');
    expect(progress.at(-1)).toMatchObject({ id: folderSource.id, status: 'ready' });
    expect(overheard).toEqual([]);
    const listed = (await kiln.api('GET', `/projects/${project.id}`, { token: owner.token })).json as Project;
    expect(listed.patterns).toBe(6);
  });

  it("searches the project for its members only, and never shows its code in anyone else's search", async () => {
    const found = await search('distance between two latitude longitude points', owner.token, project.id);
    expect(found.status).toBe(200);
    expect(found.json.results[0]).toMatchObject({
      projectId: project.id,
      source: { kind: 'ingest', path: 'src/geometry/haversine.ts' },
    });
    expect(found.json.results[0].relevance).toBeGreaterThan(0.34);

    expect((await search('zorblax invoice number', stranger.token, project.id)).status).toBe(404);
    for (const token of [owner.token, stranger.token]) {
      const global = await search('zorblax invoice number', token);
      expect(global.status).toBe(200);
      expect(global.json.results.some((result: { projectId?: string }) => result.projectId)).toBe(false);
    }
    const listed = await kiln.api('GET', '/patterns?limit=200', { token: owner.token });
    expect(listed.json.patterns.some((pattern: { id: string }) => pattern.id.startsWith('project:'))).toBe(false);
  });

  it("opens a project's pattern for members and is a 404 for anyone else", async () => {
    const [hit] = (await search('slug from a title for a URL', owner.token, project.id)).json.results;
    expect(hit.source.path).toBe('src/text/slugify.ts');
    const id = encodeURIComponent(hit.id);
    expect((await kiln.api('GET', `/patterns/${id}`, { token: owner.token })).status).toBe(200);
    expect((await kiln.api('GET', `/patterns/${id}`, { token: stranger.token })).status).toBe(404);
  });

  it('cites the project and the file in a conversation attached to it', async () => {
    const refused = await kiln.api('POST', '/conversations', {
      token: stranger.token,
      body: { projectId: project.id },
    });
    expect(refused.status).toBe(400);
    const conversation = (
      await kiln.api('POST', '/conversations', { token: owner.token, body: { projectId: project.id } })
    ).json;
    expect(conversation.projectId).toBe(project.id);
    const tab = await kiln.socket(owner.token);
    const ack = await tab.request('message:send', {
      conversationId: conversation.id,
      content: 'How do I compute the distance between two latitude/longitude points?',
      intent: 'ask',
    });
    await tab.until(turnEnded(ack.turnId));
    const retrieval = tab.events.find((event) => event.type === 'retrieval') as { citations: unknown[] };
    expect(retrieval.citations[0]).toMatchObject({
      project: { id: project.id, name: 'Shop' },
      path: 'src/geometry/haversine.ts',
    });

    // Detached, the same question cites nothing from the project.
    const detached = await kiln.api('PATCH', `/conversations/${conversation.id}`, {
      token: owner.token,
      body: { projectId: null },
    });
    expect(detached.json.projectId).toBeNull();
    const again = await tab.request('message:send', {
      conversationId: conversation.id,
      content: 'How do I compute the distance between two latitude/longitude points?',
      intent: 'ask',
    });
    await tab.until(turnEnded(again.turnId));
    const second = tab.events.filter((event) => event.type === 'retrieval').at(-1) as {
      citations: { project?: unknown }[];
    };
    expect(second.citations.every((citation) => !citation.project)).toBe(true);
  });

  it('lets owners manage members: a viewer reads and searches but cannot change sources', async () => {
    const added = await kiln.api('POST', `/projects/${project.id}/members`, {
      token: owner.token,
      body: { email: 'viewer@example.com', role: 'viewer' },
    });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ email: 'viewer@example.com', role: 'viewer' });
    expect((await search('zorblax invoice number', viewer.token, project.id)).json.results[0].source.path).toBe(
      'src/billing/invoice-number.ts',
    );
    const refused = await kiln.api('DELETE', `/projects/${project.id}/sources/${folderSource.id}`, {
      token: viewer.token,
    });
    expect(refused.status).toBe(403);
    const unknown = await kiln.api('POST', `/projects/${project.id}/members`, {
      token: owner.token,
      body: { email: 'nobody@example.com', role: 'viewer' },
    });
    expect(unknown.status).toBe(400);
    const lastOwner = await kiln.api('PATCH', `/projects/${project.id}/members/${owner.user.id}`, {
      token: owner.token,
      body: { role: 'editor' },
    });
    expect(lastOwner.status).toBe(409);
    // Removed, they see nothing of it again.
    expect(
      (await kiln.api('DELETE', `/projects/${project.id}/members/${viewer.user.id}`, { token: owner.token })).status,
    ).toBe(204);
    expect((await search('zorblax invoice number', viewer.token, project.id)).status).toBe(404);
  });

  it('re-ingests incrementally: only the changed file is indexed again', async () => {
    await writeFile(
      path.join(roots.path, 'shop', 'src/text/slugify.ts'),
      `${codebase['src/text/slugify.ts']}\n/** Reverses a slug into words. */\nexport function unslugify(slug: string): string {\n  return slug.replace(/-/g, ' ');\n}\n`,
    );
    const queued = await kiln.api('POST', `/projects/${project.id}/sources/${folderSource.id}/ingest`, {
      token: owner.token,
    });
    expect(queued.status).toBe(202);
    const again = await settled(project.id, folderSource.id);
    expect(again.counts).toMatchObject({ filesFound: 3, filesIndexed: 1, filesUnchanged: 2, patterns: 7 });
  });

  it('takes an uploaded archive, and refuses a hostile or oversized one with nothing added', async () => {
    const archive = await zipOf({
      'lib/retry.ts': '/** Retries a failing call with exponential backoff. */\nexport async function retry() {}\n',
    });
    const upload = async (body: Buffer, name: string) => {
      const form = new FormData();
      form.append('file', new Blob([body]), name);
      const response = await fetch(`${kiln.url}/api/v1/projects/${project.id}/sources`, {
        method: 'POST',
        // The server stops reading an upload over its limit and closes that connection: not one to reuse.
        headers: { authorization: `Bearer ${owner.token}`, connection: 'close' },
        body: form,
      });
      return { status: response.status, json: (await response.json()) as any };
    };
    const accepted = await upload(archive, 'retry-lib.zip');
    expect(accepted.status).toBe(202);
    expect(accepted.json).toMatchObject({ type: 'archive', location: 'retry-lib.zip', status: 'queued' });
    expect(await settled(project.id, accepted.json.id)).toMatchObject({ status: 'ready', counts: { filesFound: 1 } });

    const before = (await kiln.api('GET', `/projects/${project.id}`, { token: owner.token })).json.sources.length;
    const traversal = await upload(
      await zipOf({ 'AA/AA/escape.ts': 'export const x = 1;\n' }, { 'AA/AA/': '../../' }),
      'evil.zip',
    );
    expect(traversal.status).toBe(400);
    const notArchive = await upload(Buffer.from('just text'), 'notes.zip');
    expect(notArchive.status).toBe(400);
    expect(notArchive.json.error.message).toMatch(/not a \.zip or \.tar\.gz/);
    const oversized = await upload(Buffer.alloc(2 * 1024 * 1024, 1), 'big.zip');
    expect(oversized.status).toBe(413);
    expect((await kiln.api('GET', `/projects/${project.id}`, { token: owner.token })).json.sources).toHaveLength(
      before,
    );
    // Nothing half-written is left in the uploads folder.
    const uploads = path.join(kiln.dataDir, 'projects', 'uploads');
    expect(await readdir(uploads).catch(() => [])).toEqual([]);
  });

  it('clones a git repository the server can reach', async () => {
    const repository = path.join(roots.path, 'repo');
    await writeCodebase(repository, {
      'queue.py':
        '"""A bounded FIFO queue that drops the oldest item when full."""\n\ndef push(queue, item, size):\n    queue.append(item)\n    del queue[:-size]\n',
    });
    const git = (...args: string[]) => execFileSync('git', ['-C', repository, ...args], { stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'init');
    const added = await kiln.api('POST', `/projects/${project.id}/sources`, {
      token: owner.token,
      body: { type: 'git', url: `file://${repository}` },
    });
    expect(added.status).toBe(202);
    expect(await settled(project.id, added.json.id)).toMatchObject({ status: 'ready', counts: { filesFound: 1 } });
  });

  it("removes a source's patterns with it, and a project's with the project", async () => {
    const removed = await kiln.api('DELETE', `/projects/${project.id}/sources/${folderSource.id}`, {
      token: owner.token,
    });
    expect(removed.status).toBe(204);
    const found = await search('zorblax invoice number', owner.token, project.id);
    expect(
      found.json.results.some(
        (result: { source: { path: string } }) => result.source.path === 'src/billing/invoice-number.ts',
      ),
    ).toBe(false);
    const other = await create('Other');
    expect((await kiln.api('DELETE', `/projects/${other.id}`, { token: stranger.token })).status).toBe(404);
    expect((await kiln.api('DELETE', `/projects/${project.id}`, { token: owner.token })).status).toBe(204);
    const left = await kiln.server.infrastructure.dataSource.query(
      `SELECT count(*)::int AS count FROM patterns WHERE project_id = $1`,
      [project.id],
    );
    expect(left[0].count).toBe(0);
  });
});

describe('a project ingest cut short by a stopped server', () => {
  it('is queued again when the server starts, and finishes', async () => {
    const dataDir = await temporaryDirectory('kiln-project-restart');
    const environment = { KILN_PROJECT_ROOTS: roots.path };
    let first: Awaited<ReturnType<typeof startTestServer>> | undefined = await startTestServer({
      environment,
      dataDirectory: dataDir.path,
    });
    let second: Awaited<ReturnType<typeof startTestServer>> | undefined;
    try {
      const { token } = await first.register('restart@example.com');
      const project = (await first.api('POST', '/projects', { token, body: { name: 'Restart' } })).json as Project;
      const source = (
        await first.api('POST', `/projects/${project.id}/sources`, {
          token,
          body: { type: 'folder', path: path.join(roots.path, 'shop') },
        })
      ).json as ProjectSource;
      await expect
        .poll(async () => (await first!.api('GET', `/projects/${project.id}`, { token })).json.sources[0].status, {
          timeout: 30_000,
        })
        .toBe('ready');
      // As a process killed mid-ingest leaves it.
      await first.server.infrastructure.dataSource.query(
        `UPDATE project_sources SET status = 'ingesting', counts = '{"filesFound": 3, "filesDone": 1}' WHERE id = $1`,
        [source.id],
      );
      await first.server.stop();
      first = undefined;
      second = await startTestServer({ environment, dataDirectory: dataDir.path });
      const login = await second.api('POST', '/auth/login', {
        body: { email: 'restart@example.com', password: 'correct horse battery' },
      });
      await expect
        .poll(
          async () =>
            (await second!.api('GET', `/projects/${project.id}`, { token: login.json.token })).json.sources[0],
          {
            timeout: 30_000,
          },
        )
        .toMatchObject({ status: 'ready', counts: { filesFound: 3, filesDone: 3 } });
    } finally {
      await first?.server.stop();
      await second?.server.stop();
      await dataDir.remove();
    }
  }, 120_000);
});
