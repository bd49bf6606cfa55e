/**
 * The tool seam: the tools of every MCP server Kiln may use, and a way to call
 * them. Servers start on first use; a server that cannot start is listed in
 * `unavailable` (with why) rather than failing the listing.
 */
export interface ToolHost {
  /** Every tool of every server that is up, in server order; cached after the first listing. */
  listTools(signal?: AbortSignal): Promise<ToolListing>;
  /**
   * Calls one tool and returns its text. Throws `ToolError` (unknown server or tool, the server did not start,
   * the call timed out, the tool reported an error) and, when `signal` aborts, its reason.
   */
  callTool(server: string, tool: string, args: Record<string, unknown>, signal: AbortSignal): Promise<ToolOutput>;
  /** Stops every server it started (their processes end); later calls fail. */
  close(): Promise<void>;
}

export interface ToolDescription {
  server: string;
  name: string;
  description: string;
  /** The tool's JSON Schema for its arguments (`{ type: 'object', properties, required }`). */
  inputSchema: { type: 'object'; properties?: Record<string, unknown>; required?: string[] };
  /** True only when the server marks the tool read-only (`annotations.readOnlyHint`); anything else may write. */
  readOnly?: boolean;
}

export interface ToolListing {
  tools: ToolDescription[];
  unavailable: { server: string; reason: string }[];
}

export interface ToolOutput {
  /** The text blocks of the result, joined; other blocks described in brackets (`[image: image/png]`). */
  text: string;
}
