import { createRequire } from 'node:module';
import type { McpServerDefinition } from './mcp-server-definition.ts';

/** The name of the built-in filesystem server; a server of this name in MCP_CONFIG replaces it. */
export const filesystemServerName = 'filesystem';

/**
 * The reference filesystem server (`@modelcontextprotocol/server-filesystem`), run from Kiln's own
 * dependencies with this Node, limited to `roots`. No npx, no download.
 */
export function filesystemServerDefinition(roots: string[]): McpServerDefinition {
  const entry = createRequire(import.meta.url).resolve('@modelcontextprotocol/server-filesystem/dist/index.js');
  return { name: filesystemServerName, kind: 'stdio', command: process.execPath, args: [entry, ...roots], env: {} };
}
