import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TurnEvent } from '../../protocol/turn-events.ts';
import { startTestServer, textOf } from '../support/test-server.ts';
import { temporaryDirectory } from '../support/temporary-directory.ts';

let kiln: Awaited<ReturnType<typeof startTestServer>>;
let root: Awaited<ReturnType<typeof temporaryDirectory>>;
let stopped = false;

/** The command lines of running processes that mention `text`. */
const processesMentioning = (text: string) =>
  execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(text) && !line.includes('ps -eo'));

beforeAll(async () => {
  root = await temporaryDirectory('kiln-mcp-files');
  await writeFile(path.join(root.path, 'invoice-2024.csv'), 'id,total\n1,30\n');
  await writeFile(path.join(root.path, 'readme.md'), '# Shop\n');
  await mkdir(path.join(root.path, 'scripts'));
  await writeFile(path.join(root.path, 'scripts', 'deploy.sh'), 'echo deploy\n');
  // The offline engine (no provider) answers `ask`; the filesystem server may read only `root`.
  kiln = await startTestServer({ environment: { MCP_FILESYSTEM_ROOTS: root.path } });
});
afterAll(async () => {
  if (!stopped) await kiln?.stop();
  await root?.remove();
});

/** Parses an SSE body into its events. */
function parseSse(body: string): TurnEvent[] {
  return body
    .split('\n\n')
    .filter((frame) => frame.startsWith('id:'))
    .map(
      (frame) =>
        JSON.parse(
          frame
            .split('\n')
            .find((line) => line.startsWith('data: '))!
            .slice(6),
        ) as TurnEvent,
    );
}

/** A chat turn; `intent` picks the agent as a user can, and without it the router decides. */
async function toolTurn(token: string, conversationId: string, content: string, intent: string | null = 'tool') {
  const response = await kiln.api('POST', `/conversations/${conversationId}/messages`, {
    token,
    body: { content, ...(intent ? { intent } : {}) },
    headers: { accept: 'text/event-stream' },
  });
  expect(response.status).toBe(200);
  return parseSse(response.text);
}

describe('the tool agent in a chat turn', () => {
  it('lists a real folder through the real filesystem MCP server, and saves the listing', async () => {
    expect(processesMentioning(root.path)).toEqual([]);
    const { token } = await kiln.register();
    const conversation = await kiln.newConversation(token);
    // No agent chosen: the router reads the request as a tool request.
    const events = await toolTurn(token, conversation.id, `list the files in ${root.path}`, null);

    expect(events.find((event) => event.type === 'intent')).toMatchObject({ intent: 'tool', via: 'classifier' });
    const call = events.find((event) => event.type === 'tool.call');
    expect(call).toMatchObject({ server: 'filesystem', tool: 'list_directory', arguments: { path: root.path } });
    const result = events.find((event) => event.type === 'tool.result');
    expect(result).toMatchObject({ callId: (call as Extract<TurnEvent, { type: 'tool.call' }>).callId, ok: true });
    expect((result as Extract<TurnEvent, { type: 'tool.result' }>).summary).toContain('[FILE] invoice-2024.csv');
    expect(events.at(-1)).toMatchObject({ type: 'turn.end', finishReason: 'stop' });
    const answer = textOf(events);
    expect(answer).toContain('holds 2 files and 1 folder');
    for (const name of ['`scripts/`', '`invoice-2024.csv`', '`readme.md`']) expect(answer).toContain(name);
    // The real server is running now, started on first use.
    expect(processesMentioning(root.path)).toHaveLength(1);

    const saved = (await kiln.api('GET', `/conversations/${conversation.id}/messages`, { token })).json.messages.at(-1);
    expect(saved).toMatchObject({ role: 'assistant', status: 'complete' });
    expect(saved.content).toBe(answer);
  });

  it('resolves a relative path against the root and reads the file', async () => {
    const { token } = await kiln.register();
    const conversation = await kiln.newConversation(token);
    const events = await toolTurn(token, conversation.id, 'read scripts/deploy.sh');
    expect(events.find((event) => event.type === 'tool.call')).toMatchObject({
      tool: 'read_text_file',
      arguments: { path: path.join(root.path, 'scripts', 'deploy.sh') },
    });
    expect(textOf(events)).toContain('```sh\necho deploy\n```');
  });

  it('shows the server refusing a path outside its roots, and explains why', async () => {
    const { token } = await kiln.register();
    const conversation = await kiln.newConversation(token);
    const events = await toolTurn(token, conversation.id, 'list the files in /etc');
    expect(events.find((event) => event.type === 'tool.result')).toMatchObject({
      ok: false,
      summary: expect.stringContaining('Access denied - path outside allowed directories'),
    });
    // The root by its folder name: the server's absolute paths are not the user's business.
    expect(textOf(events)).toContain(`It may only read inside \`${path.basename(root.path)}\``);
    expect(textOf(events)).not.toContain(root.path);
    expect(events.at(-1)).toMatchObject({ type: 'turn.end' });
  });
});

describe('Kiln as an MCP server at /mcp', () => {
  let token: string;
  let client: Client;

  beforeAll(async () => {
    ({ token } = await kiln.register());
    client = new Client({ name: 'kiln-test', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${kiln.url}/mcp`), {
        requestInit: { headers: { Authorization: `Bearer ${token}` } },
      }),
    );
  });
  afterAll(async () => {
    await client?.close();
  });

  it('lists search_patterns and ask', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['ask', 'search_patterns']);
    expect(tools.find((tool) => tool.name === 'search_patterns')!.inputSchema.required).toEqual(['query']);
  });

  it('finds a debounce pattern for "debounce a function"', async () => {
    const result = await client.callTool({
      name: 'search_patterns',
      arguments: { query: 'debounce a function', k: 3 },
    });
    expect(result.isError).toBeFalsy();
    const { results } = result.structuredContent as {
      results: { id: string; title: string; language: string; code: string; score: number }[];
    };
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(3);
    expect(`${results[0]!.title} ${results[0]!.code}`.toLowerCase()).toContain('debounce');
    expect(JSON.parse((result.content as { text: string }[])[0]!.text).results[0].id).toBe(results[0]!.id);

    const python = await client.callTool({
      name: 'search_patterns',
      arguments: { query: 'debounce a function', language: 'python' },
    });
    expect(
      (python.structuredContent as { results: { language: string }[] }).results.every(
        (pattern) => pattern.language === 'python',
      ),
    ).toBe(true);
  });

  it("searches one of the caller's projects with projectId, and no one else's", async () => {
    const mine = (await kiln.api('POST', '/projects', { token, body: { name: 'Mine' } })).json;
    const other = await kiln.register();
    const theirs = (await kiln.api('POST', '/projects', { token: other.token, body: { name: 'Theirs' } })).json;
    const learned = await kiln.knowledge().learning.learn({
      title: 'Glorbnax checksum of a parcel label',
      summary: 'Computes the glorbnax checksum digit printed on parcel labels.',
      language: 'typescript',
      code: 'export function glorbnaxChecksum(label: string): number {\n  return [...label].reduce((sum, c) => sum + c.charCodeAt(0), 0) % 7;\n}\n',
      tests: null,
      questions: ['How do I compute the glorbnax checksum?'],
      tags: ['checksum'],
      basedOn: [],
      learnedFrom: {
        conversationId: '00000000-0000-4000-8000-000000000001',
        messageId: '00000000-0000-4000-8000-000000000002',
        turnId: '00000000-0000-4000-8000-000000000003',
        runIds: [],
        approvedBy: 'test@example.com',
        approvedAt: new Date().toISOString(),
      },
      projectId: mine.id,
    });
    const search = (projectId?: string) =>
      client.callTool({
        name: 'search_patterns',
        arguments: { query: 'glorbnax checksum of a parcel label', k: 3, ...(projectId ? { projectId } : {}) },
      });
    const inMine = await search(mine.id);
    expect(inMine.isError).toBeFalsy();
    expect((inMine.structuredContent as { results: { id: string }[] }).results[0]!.id).toBe(learned.patternId);
    const inTheirs = await search(theirs.id);
    expect(inTheirs.isError).toBe(true);
    expect((inTheirs.content as { text: string }[])[0]!.text).toContain('no project');
    const everywhere = await search();
    expect((everywhere.structuredContent as { results: { id: string }[] }).results.map((hit) => hit.id)).not.toContain(
      learned.patternId,
    );
  });

  it('answers a question with the ask agent, citing the patterns it used', async () => {
    const result = await client.callTool({
      name: 'ask',
      arguments: { question: 'How do I debounce a function in TypeScript?' },
    });
    expect(result.isError).toBeFalsy();
    const text = (result.content as { text: string }[])[0]!.text;
    expect(text.toLowerCase()).toContain('debounce');
    expect(text).toContain('Patterns cited:');
    const { answer, citations } = result.structuredContent as { answer: string; citations: { title: string }[] };
    expect(answer.length).toBeGreaterThan(50);
    expect(citations.some((citation) => citation.title.toLowerCase().includes('debounce'))).toBe(true);
  });

  it('rejects a request without a valid token', async () => {
    const anonymous = new Client({ name: 'anonymous', version: '1.0.0' });
    await expect(anonymous.connect(new StreamableHTTPClientTransport(new URL(`${kiln.url}/mcp`)))).rejects.toThrow();
    const wrong = new Client({ name: 'wrong', version: '1.0.0' });
    await expect(
      wrong.connect(
        new StreamableHTTPClientTransport(new URL(`${kiln.url}/mcp`), {
          requestInit: { headers: { Authorization: 'Bearer not-a-token' } },
        }),
      ),
    ).rejects.toThrow();

    const response = await fetch(`${kiln.url}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="kiln"');
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
  });
});

describe('shutdown', () => {
  it('stops the MCP servers Kiln started', async () => {
    expect(processesMentioning(root.path)).toHaveLength(1);
    stopped = true;
    await kiln.stop();
    expect(processesMentioning(root.path)).toEqual([]);
  });
});
