import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { McpServerDefinition } from './mcp-server-definition.ts';
import { SdkToolHost, type OpenTransport } from './sdk-tool-host.ts';
import { ToolError } from './tool-error.ts';

const log = pino({ level: 'silent' });
const hosts: SdkToolHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

/** A real SDK server in this process, reached through the SDK's linked in-memory transports. */
function notesServer() {
  const server = new McpServer({ name: 'notes', version: '1.0.0' });
  server.registerTool(
    'read_note',
    { description: 'Read a note by title', inputSchema: { title: z.string() } },
    async ({ title }) =>
      title === 'groceries'
        ? { content: [{ type: 'text', text: 'eggs, flour' }] }
        : { isError: true, content: [{ type: 'text', text: `No note titled ${title}` }] },
  );
  server.registerTool('slow', { description: 'Takes its time' }, async () => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    return { content: [{ type: 'text', text: 'finally' }] };
  });
  return server;
}

function hostOf(servers: McpServerDefinition[], options: { toolTimeoutMs?: number; startTimeoutMs?: number } = {}) {
  const opened: string[] = [];
  const openTransport: OpenTransport = (definition) => {
    opened.push(definition.name);
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    // "silent" is a server that never answers: its transport swallows every message.
    if (definition.name === 'silent') void serverSide.start();
    else void notesServer().connect(serverSide);
    return { transport: clientSide };
  };
  const host = new SdkToolHost(servers, {
    toolTimeoutMs: options.toolTimeoutMs ?? 5_000,
    startTimeoutMs: options.startTimeoutMs ?? 5_000,
    log,
    openTransport,
  });
  hosts.push(host);
  return { host, opened };
}

const notes: McpServerDefinition = { name: 'notes', kind: 'http', url: 'http://unused.invalid/mcp', headers: {} };
const signal = () => new AbortController().signal;

describe('SdkToolHost', () => {
  it('starts a server on first use, once, and lists its tools', async () => {
    const { host, opened } = hostOf([notes]);
    expect(opened).toEqual([]);
    const [first, second] = await Promise.all([host.listTools(), host.listTools()]);
    expect(opened).toEqual(['notes']);
    expect(first.tools.map((tool) => [tool.server, tool.name, tool.description])).toEqual([
      ['notes', 'read_note', 'Read a note by title'],
      ['notes', 'slow', 'Takes its time'],
    ]);
    expect(first.tools[0]!.inputSchema.properties).toHaveProperty('title');
    expect(second).toEqual(first);
  });

  it("returns the text a tool produced, and the tool's own message when it reports an error", async () => {
    const { host } = hostOf([notes]);
    expect(await host.callTool('notes', 'read_note', { title: 'groceries' }, signal())).toEqual({
      text: 'eggs, flour',
    });
    const failure = host.callTool('notes', 'read_note', { title: 'taxes' }, signal());
    await expect(failure).rejects.toBeInstanceOf(ToolError);
    await expect(failure).rejects.toMatchObject({ code: 'mcp_tool_failed', message: 'No note titled taxes' });
  });

  it('names the unknown server or tool, with what exists instead', async () => {
    const { host } = hostOf([notes]);
    await expect(host.callTool('mail', 'send', {}, signal())).rejects.toMatchObject({
      code: 'mcp_server_unknown',
      message: expect.stringContaining('servers: notes'),
    });
    await expect(host.callTool('notes', 'delete_note', {}, signal())).rejects.toMatchObject({
      code: 'mcp_tool_not_found',
      message: 'The MCP server "notes" has no tool "delete_note" (its tools: read_note, slow).',
    });
  });

  it('gives up on a call after the tool timeout', async () => {
    const { host } = hostOf([notes], { toolTimeoutMs: 100 });
    await host.listTools();
    await expect(host.callTool('notes', 'slow', {}, signal())).rejects.toMatchObject({
      code: 'mcp_timeout',
      message: '"slow" on the MCP server "notes" did not answer within 0.1 s.',
    });
  });

  it('stops waiting when the turn is stopped', async () => {
    const { host } = hostOf([notes]);
    const controller = new AbortController();
    const call = host.callTool('notes', 'slow', {}, controller.signal);
    setTimeout(() => controller.abort(new Error('stopped by the user')), 50);
    await expect(call).rejects.toThrow('stopped by the user');
  });

  it('lists a server that does not answer as unavailable, with the others still listed', async () => {
    const { host } = hostOf([notes, { ...notes, name: 'silent' }], { startTimeoutMs: 100 });
    const listing = await host.listTools();
    expect(listing.tools.map((tool) => tool.server)).toEqual(['notes', 'notes']);
    expect(listing.unavailable).toEqual([
      { server: 'silent', reason: 'The MCP server "silent" did not start: no answer within 0.1 s.' },
    ]);
    await expect(host.callTool('silent', 'anything', {}, signal())).rejects.toMatchObject({
      code: 'mcp_server_failed',
    });
  });

  it('reports a command that cannot be started, and a server that exits, with its last words', async () => {
    const host = new SdkToolHost(
      [
        { name: 'missing', kind: 'stdio', command: '/nonexistent/kiln-test-mcp-server', args: [], env: {} },
        {
          name: 'crashing',
          kind: 'stdio',
          command: process.execPath,
          args: ['-e', 'console.error("Error: None of the specified directories are accessible"); process.exit(1)'],
          env: {},
        },
      ],
      { toolTimeoutMs: 5_000, startTimeoutMs: 10_000, log },
    );
    hosts.push(host);
    const { unavailable } = await host.listTools();
    expect(unavailable[0]).toMatchObject({
      server: 'missing',
      reason: expect.stringMatching(/^The MCP server "missing" did not start: .*ENOENT/),
    });
    expect(unavailable[1]).toMatchObject({
      server: 'crashing',
      reason: expect.stringContaining('Its output: Error: None of the specified directories are accessible'),
    });
  });

  it('refuses calls once closed', async () => {
    const { host } = hostOf([notes]);
    await host.listTools();
    await host.close();
    await expect(host.callTool('notes', 'read_note', { title: 'groceries' }, signal())).rejects.toMatchObject({
      code: 'mcp_server_failed',
    });
  });
});
