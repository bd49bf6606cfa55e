import type { Stream } from 'node:stream';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ErrorCode, McpError, ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import type { Logger } from 'pino';
import { kilnVersion } from '../version.ts';
import { hideRootPaths } from './hide-root-paths.ts';
import type { McpServerDefinition } from './mcp-server-definition.ts';
import { ToolError } from './tool-error.ts';
import type { ToolDescription, ToolHost, ToolListing, ToolOutput } from './tool-host.ts';

/** A transport to one server, and the server's stderr when it is a process Kiln started. */
export type OpenTransport = (definition: McpServerDefinition) => { transport: Transport; stderr?: Stream | null };

interface Connection {
  client: Client;
  /** The server's tools, listed once and again only after it says they changed. */
  tools: Promise<ToolDescription[]> | undefined;
}

/** How many of a server's last stderr lines a start-up failure quotes. */
const stderrLinesKept = 5;

/**
 * The tool host over `@modelcontextprotocol/sdk`'s client. Each server is
 * started on first use (one start at a time per server; a failed start is
 * retried on the next use), and started again if its process ends. `close`
 * closes every client, which ends each process (stdin closed, then SIGTERM,
 * then SIGKILL).
 */
export class SdkToolHost implements ToolHost {
  private readonly connections = new Map<string, Promise<Connection>>();
  private closed = false;

  constructor(
    private readonly servers: McpServerDefinition[],
    private readonly options: {
      toolTimeoutMs: number;
      startTimeoutMs: number;
      log: Logger;
      openTransport?: OpenTransport;
      /** Folders of this machine that errors shown to users name only by their last part (`workspace/notes.md`). */
      hiddenRoots?: string[];
    },
  ) {}

  async listTools(signal?: AbortSignal): Promise<ToolListing> {
    const listings = await Promise.all(
      this.servers.map(async ({ name }) => {
        try {
          return { tools: await this.toolsOf(name) };
        } catch (error) {
          signal?.throwIfAborted();
          return { tools: [], unavailable: { server: name, reason: this.hidePaths((error as Error).message) } };
        }
      }),
    );
    return {
      tools: listings.flatMap((listing) => listing.tools),
      unavailable: listings.flatMap((listing) => listing.unavailable ?? []),
    };
  }

  async callTool(
    server: string,
    tool: string,
    args: Record<string, unknown>,
    signal: AbortSignal,
  ): Promise<ToolOutput> {
    try {
      return await this.call(server, tool, args, signal);
    } catch (error) {
      if (!(error instanceof ToolError)) throw error;
      // Servers name the absolute paths they refused or missed; users see them from the root's name.
      const message = this.hidePaths(error.message);
      throw message === error.message ? error : new ToolError(error.code, message, { cause: error });
    }
  }

  private hidePaths(message: string): string {
    return hideRootPaths(message, this.options.hiddenRoots ?? []);
  }

  private async call(
    server: string,
    tool: string,
    args: Record<string, unknown>,
    signal: AbortSignal,
  ): Promise<ToolOutput> {
    if (!this.servers.some((definition) => definition.name === server)) {
      throw new ToolError(
        'mcp_server_unknown',
        `There is no MCP server named "${server}" (servers: ${this.servers.map((definition) => definition.name).join(', ') || 'none'}).`,
      );
    }
    const tools = await this.toolsOf(server);
    if (!tools.some((description) => description.name === tool)) {
      throw new ToolError(
        'mcp_tool_not_found',
        `The MCP server "${server}" has no tool "${tool}" (its tools: ${tools.map((description) => description.name).join(', ') || 'none'}).`,
      );
    }
    const { client } = await this.connection(server);
    let result: Awaited<ReturnType<Client['callTool']>>;
    try {
      result = await client.callTool({ name: tool, arguments: args }, undefined, {
        signal,
        timeout: this.options.toolTimeoutMs,
      });
    } catch (error) {
      signal.throwIfAborted();
      if (error instanceof McpError && error.code === ErrorCode.RequestTimeout) {
        throw new ToolError(
          'mcp_timeout',
          `"${tool}" on the MCP server "${server}" did not answer within ${this.options.toolTimeoutMs / 1000} s.`,
          { cause: error },
        );
      }
      throw new ToolError(
        'mcp_tool_failed',
        `"${tool}" on the MCP server "${server}" failed: ${(error as Error).message}`,
        { cause: error },
      );
    }
    const text = textOf(result);
    if (result.isError)
      throw new ToolError(
        'mcp_tool_failed',
        text.trim() || `"${tool}" on the MCP server "${server}" reported an error without saying why.`,
      );
    return { text };
  }

  async close(): Promise<void> {
    this.closed = true;
    const pending = [...this.connections.values()];
    this.connections.clear();
    await Promise.all(
      pending.map((connection) =>
        connection.then(
          ({ client }) => client.close(),
          () => undefined,
        ),
      ),
    );
  }

  private async toolsOf(server: string): Promise<ToolDescription[]> {
    const connection = await this.connection(server);
    connection.tools ??= this.fetchTools(server, connection.client).catch((error: unknown) => {
      connection.tools = undefined;
      throw new ToolError(
        'mcp_server_failed',
        `The MCP server "${server}" did not list its tools: ${(error as Error).message}`,
        { cause: error },
      );
    });
    return connection.tools;
  }

  private async fetchTools(server: string, client: Client): Promise<ToolDescription[]> {
    const tools: ToolDescription[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.listTools(cursor ? { cursor } : undefined, { timeout: this.options.toolTimeoutMs });
      tools.push(
        ...page.tools.map((tool) => ({
          server,
          name: tool.name,
          description: tool.description ?? '',
          inputSchema: tool.inputSchema,
          readOnly: tool.annotations?.readOnlyHint === true,
        })),
      );
      cursor = page.nextCursor;
    } while (cursor);
    return tools;
  }

  private connection(server: string): Promise<Connection> {
    if (this.closed)
      return Promise.reject(new ToolError('mcp_server_failed', 'Kiln is shutting down; its MCP servers are stopped.'));
    let pending = this.connections.get(server);
    if (!pending) {
      const started = this.start(this.servers.find((definition) => definition.name === server)!);
      pending = started;
      this.connections.set(server, started);
      started.catch(() => this.forget(server, started));
    }
    return pending;
  }

  private forget(server: string, connection: Promise<Connection>) {
    if (this.connections.get(server) === connection) this.connections.delete(server);
  }

  private async start(definition: McpServerDefinition): Promise<Connection> {
    const log = this.options.log.child({ mcpServer: definition.name });
    const { transport, stderr } = (this.options.openTransport ?? openTransport)(definition);
    const recentStderr: string[] = [];
    stderr?.on('data', (chunk: Buffer) => {
      for (const line of String(chunk)
        .split('\n')
        .filter((line) => line.trim())) {
        log.debug({ stderr: line }, 'MCP server output');
        recentStderr.push(line.trim());
        if (recentStderr.length > stderrLinesKept) recentStderr.shift();
      }
    });
    const client = new Client({ name: 'kiln', version: kilnVersion });
    try {
      await client.connect(transport, { timeout: this.options.startTimeoutMs });
    } catch (error) {
      await client.close().catch(() => undefined);
      // The process's last words arrive just after its exit is noticed.
      await new Promise((resolve) => setImmediate(resolve));
      const said = recentStderr.length ? ` Its output: ${recentStderr.join(' | ')}` : '';
      const reason =
        error instanceof McpError && error.code === ErrorCode.RequestTimeout
          ? `no answer within ${this.options.startTimeoutMs / 1000} s`
          : (error as Error).message;
      log.warn({ err: error, stderr: recentStderr }, 'MCP server did not start');
      throw new ToolError('mcp_server_failed', `The MCP server "${definition.name}" did not start: ${reason}.${said}`, {
        cause: error,
      });
    }
    log.info('MCP server started');
    const connection: Connection = { client, tools: undefined };
    const current = this.connections.get(definition.name);
    client.onclose = () => {
      if (!this.closed) log.warn('MCP server stopped; it starts again on next use');
      if (current) this.forget(definition.name, current);
    };
    client.setNotificationHandler(ToolListChangedNotificationSchema, async () => {
      connection.tools = undefined;
    });
    return connection;
  }
}

/** The SDK's transports. A started process inherits only the SDK's safe list of variables (PATH, HOME, …) plus the entry's `env`, as in Claude Desktop. */
function openTransport(definition: McpServerDefinition) {
  if (definition.kind === 'http') {
    return {
      transport: new StreamableHTTPClientTransport(new URL(definition.url), {
        requestInit: { headers: definition.headers },
      }),
    };
  }
  const transport = new StdioClientTransport({
    command: definition.command,
    args: definition.args,
    env: { ...getDefaultEnvironment(), ...definition.env },
    cwd: definition.cwd,
    stderr: 'pipe',
  });
  return { transport, stderr: transport.stderr };
}

function textOf(result: Awaited<ReturnType<Client['callTool']>>): string {
  if (!Array.isArray(result.content)) return JSON.stringify(result.toolResult ?? result.structuredContent ?? null);
  return result.content
    .map((block) => {
      switch (block.type) {
        case 'text':
          return block.text;
        case 'image':
        case 'audio':
          return `[${block.type}: ${block.mimeType}]`;
        case 'resource':
          return 'text' in block.resource ? block.resource.text : `[resource: ${block.resource.uri}]`;
        case 'resource_link':
          return `[resource: ${block.uri}]`;
        default:
          return '';
      }
    })
    .join('\n');
}
