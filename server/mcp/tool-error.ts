import { KilnError } from '../errors/kiln-error.ts';

export type ToolErrorCode =
  'mcp_server_unknown' | 'mcp_server_failed' | 'mcp_tool_not_found' | 'mcp_timeout' | 'mcp_tool_failed';

/**
 * A tool call that did not produce a result. `message` is safe to show: it
 * names the server and tool, and for `mcp_tool_failed` it is the tool's own
 * message (e.g. "Access denied - path outside allowed directories").
 */
export class ToolError extends KilnError {
  declare readonly code: ToolErrorCode;

  constructor(code: ToolErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, 502, message, options);
  }
}
