import { mkdir, realpath } from 'node:fs/promises';
import type { Logger } from 'pino';
import type { McpSettings } from '../../platform/config/config.ts';
import { filesystemServerDefinition, filesystemServerName } from './filesystem-server.ts';
import type { McpServerDefinition } from './mcp-server-definition.ts';
import { readMcpServersFile } from './read-mcp-servers-file.ts';
import { SdkToolHost } from './sdk-tool-host.ts';

/** The tool host, and the folders of the servers Kiln configured itself, by server (relative paths start at the first). */
export interface McpTools {
  host: SdkToolHost;
  roots: Record<string, string[]>;
}

/**
 * The servers of MCP_CONFIG, plus the built-in filesystem server unless the file names its own `filesystem`
 * or it is turned off. Nothing starts here (servers start on first use); a bad file throws `ConfigError`.
 */
export async function mcpServerDefinitions(
  settings: McpSettings,
): Promise<{ servers: McpServerDefinition[]; roots: Record<string, string[]> }> {
  const servers = await readMcpServersFile(settings.configFile);
  if (!settings.filesystem || servers.some((server) => server.name === filesystemServerName))
    return { servers, roots: {} };
  // The default workspace is Kiln's own folder, so Kiln creates it; directories the user named must exist.
  if (settings.filesystem.isDefault) await mkdir(settings.filesystem.roots[0]!, { recursive: true });
  return {
    servers: [filesystemServerDefinition(settings.filesystem.roots), ...servers],
    roots: { [filesystemServerName]: settings.filesystem.roots },
  };
}

export async function createToolHost(settings: McpSettings, log: Logger): Promise<McpTools> {
  const { servers, roots } = await mcpServerDefinitions(settings);
  // The filesystem server reports the real path of a root (symbolic links resolved): hide both spellings.
  const configured = Object.values(roots).flat();
  const resolved = await Promise.all(configured.map((root) => realpath(root).catch(() => root)));
  log.info({ mcpServers: servers.map((server) => server.name) }, 'MCP servers configured (each starts on first use)');
  const host = new SdkToolHost(servers, {
    toolTimeoutMs: settings.toolTimeoutMs,
    startTimeoutMs: settings.startTimeoutMs,
    log: log.child({ component: 'mcp' }),
    hiddenRoots: [...new Set([...configured, ...resolved])],
  });
  return { host, roots };
}
