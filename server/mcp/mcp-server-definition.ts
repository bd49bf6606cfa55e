/** How to reach one MCP server: a command Kiln starts (stdio) or a Streamable HTTP endpoint. */
export type McpServerDefinition =
  | { name: string; kind: 'stdio'; command: string; args: string[]; env: Record<string, string>; cwd?: string }
  | { name: string; kind: 'http'; url: string; headers: Record<string, string> };
