import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ConfigError } from '../../platform/config/config.ts';
import type { McpServerDefinition } from './mcp-server-definition.ts';

const text = z.string({ message: 'must be text' });
const textMap = z.record(z.string(), text, { message: 'must be an object of text values' });

/** One `mcpServers` entry as Claude Desktop writes it, plus `url` (and `headers`) for Streamable HTTP servers. */
const entrySchema = z
  .object(
    {
      type: z.enum(['stdio', 'http', 'streamable-http', 'sse'], { message: 'must be stdio or http' }).optional(),
      command: text.trim().min(1, 'must not be empty').optional(),
      args: z.array(text, { message: 'must be a list of text values' }).default([]),
      env: textMap.default({}),
      cwd: text.optional(),
      url: z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }).optional(),
      headers: textMap.default({}),
    },
    { message: 'must be an object with a "command" or a "url"' },
  )
  .superRefine((entry, context) => {
    if (entry.type === 'sse') {
      context.addIssue({
        code: 'custom',
        path: ['type'],
        message: "the old SSE transport is not supported; use the server's Streamable HTTP URL",
      });
    } else if (!entry.command === !entry.url) {
      context.addIssue({
        code: 'custom',
        path: [entry.command ? 'url' : 'command'],
        message: 'give either "command" (a program to start) or "url", not both or neither',
      });
    }
  });

const fileSchema = z.object(
  { mcpServers: z.record(z.string(), z.unknown(), { message: 'must be an object of servers by name' }) },
  { message: 'must be an object' },
);

/**
 * Reads an MCP server list in Claude Desktop's format (`{ "mcpServers": { name: { command, args, env } } }`,
 * or `{ url, headers }` for Streamable HTTP). A missing file is an empty list unless `required`. Throws
 * `ConfigError` naming the file and, for each problem, the server and field.
 */
export async function readMcpServersFile(file: { path: string; required: boolean }): Promise<McpServerDefinition[]> {
  const where = `MCP_CONFIG (${file.path})`;
  let content: string;
  try {
    content = await readFile(file.path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !file.required) return [];
    throw new ConfigError([`${where}: cannot be read (${(error as Error).message})`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    throw new ConfigError([`${where}: is not valid JSON (${(error as Error).message})`]);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success)
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${where}: ${[...issue.path].join('.') || 'the file'} ${issue.message}`),
    );

  const problems: string[] = [];
  const servers: McpServerDefinition[] = [];
  for (const [name, value] of Object.entries(parsed.data.mcpServers)) {
    const entry = entrySchema.safeParse(value);
    if (!entry.success) {
      for (const issue of entry.error.issues) {
        const field = issue.path
          .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
          .join('')
          .slice(1);
        problems.push(`${where}: server "${name}"${field ? `, field "${field}"` : ''}: ${issue.message}`);
      }
      continue;
    }
    const { command, args, env, cwd, url, headers } = entry.data;
    servers.push(
      command
        ? { name, kind: 'stdio', command, args, env, ...(cwd ? { cwd } : {}) }
        : { name, kind: 'http', url: url!, headers },
    );
  }
  if (problems.length) throw new ConfigError(problems);
  return servers;
}
