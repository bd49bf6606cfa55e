import { ToolError } from './tool-error.ts';
import type { ToolDescription, ToolHost, ToolListing, ToolOutput } from './tool-host.ts';

/** A tool of the twin: its description and what it does; a throw is the tool reporting an error. */
export interface InMemoryTool extends Omit<ToolDescription, 'server'> {
  run(args: Record<string, unknown>, signal: AbortSignal): string | Promise<string>;
}

/**
 * The in-memory twin of the tool host, for unit tests: servers are plain
 * objects of tools, a server given as a string is one that failed to start
 * (the string is why), and every call is recorded.
 */
export class InMemoryToolHost implements ToolHost {
  readonly calls: { server: string; tool: string; args: Record<string, unknown> }[] = [];
  private closed = false;

  constructor(private readonly servers: Record<string, InMemoryTool[] | string>) {}

  async listTools(): Promise<ToolListing> {
    const listing: ToolListing = { tools: [], unavailable: [] };
    for (const [server, tools] of Object.entries(this.servers)) {
      if (typeof tools === 'string') listing.unavailable.push({ server, reason: tools });
      else listing.tools.push(...tools.map(({ run: _run, ...tool }) => ({ server, ...tool })));
    }
    return listing;
  }

  async callTool(
    server: string,
    tool: string,
    args: Record<string, unknown>,
    signal: AbortSignal,
  ): Promise<ToolOutput> {
    if (this.closed) throw new ToolError('mcp_server_failed', 'The tool host is closed.');
    const tools = this.servers[server];
    if (tools === undefined) throw new ToolError('mcp_server_unknown', `There is no MCP server named "${server}".`);
    if (typeof tools === 'string')
      throw new ToolError('mcp_server_failed', `The MCP server "${server}" did not start: ${tools}`);
    const found = tools.find((candidate) => candidate.name === tool);
    if (!found) throw new ToolError('mcp_tool_not_found', `The MCP server "${server}" has no tool "${tool}".`);
    this.calls.push({ server, tool, args });
    try {
      return { text: await found.run(args, signal) };
    } catch (error) {
      signal.throwIfAborted();
      throw new ToolError('mcp_tool_failed', (error as Error).message, { cause: error });
    }
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
