import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../../tests/support/temporary-directory.ts';
import { ConfigError } from '../../platform/config/config.ts';
import { mcpServerDefinitions } from './create-tool-host.ts';
import { readMcpServersFile } from './read-mcp-servers-file.ts';

let directory: Awaited<ReturnType<typeof temporaryDirectory>>;
beforeAll(async () => {
  directory = await temporaryDirectory('kiln-mcp-config');
});
afterAll(async () => {
  await directory.remove();
});

async function fileWith(content: unknown) {
  const file = path.join(directory.path, `mcp-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return { path: file, required: true };
}

async function problemsOf(content: unknown): Promise<string[]> {
  const error = await readMcpServersFile(await fileWith(content)).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).problems;
}

describe('readMcpServersFile', () => {
  it('reads Claude Desktop entries and Streamable HTTP entries', async () => {
    const file = await fileWith({
      mcpServers: {
        github: {
          command: 'npx',
          args: ['-y', '@modelcontextprotocol/server-github'],
          env: { GITHUB_TOKEN: 'secret' },
        },
        docs: { url: 'https://docs.example.com/mcp', headers: { authorization: 'Bearer abc' } },
      },
    });
    expect(await readMcpServersFile(file)).toEqual([
      {
        name: 'github',
        kind: 'stdio',
        command: 'npx',
        args: ['-y', '@modelcontextprotocol/server-github'],
        env: { GITHUB_TOKEN: 'secret' },
      },
      { name: 'docs', kind: 'http', url: 'https://docs.example.com/mcp', headers: { authorization: 'Bearer abc' } },
    ]);
  });

  it('names the file, the server and the field of every problem', async () => {
    const problems = await problemsOf({
      mcpServers: {
        github: { command: 'npx', args: ['-y', 42], env: { PORT: 8080 } },
        both: { command: 'x', url: 'https://example.com/mcp' },
        legacy: { type: 'sse', url: 'https://example.com/sse' },
        empty: {},
      },
    });
    const where = problems[0]!.slice(0, problems[0]!.indexOf(': '));
    expect(where).toMatch(/^MCP_CONFIG \(.*mcp-\w+\.json\)$/);
    expect(problems.map((problem) => problem.slice(where.length + 2))).toEqual([
      'server "github", field "args[1]": must be text',
      'server "github", field "env.PORT": must be text',
      'server "both", field "url": give either "command" (a program to start) or "url", not both or neither',
      'server "legacy", field "type": the old SSE transport is not supported; use the server\'s Streamable HTTP URL',
      'server "empty", field "command": give either "command" (a program to start) or "url", not both or neither',
    ]);
  });

  it('rejects a file that is not JSON or has no mcpServers', async () => {
    expect((await problemsOf('{ "mcpServers": '))[0]).toMatch(/: is not valid JSON \(/);
    expect((await problemsOf({ servers: {} }))[0]).toMatch(/: mcpServers must be an object of servers by name$/);
  });

  it('treats a missing default file as no servers, and a missing named file as an error', async () => {
    const missing = path.join(directory.path, 'absent.json');
    expect(await readMcpServersFile({ path: missing, required: false })).toEqual([]);
    await expect(readMcpServersFile({ path: missing, required: true })).rejects.toThrow(
      /MCP_CONFIG \(.*absent\.json\): cannot be read/,
    );
  });
});

describe('mcpServerDefinitions', () => {
  const settings = { toolTimeoutMs: 1000, startTimeoutMs: 1000 };

  it('adds the built-in filesystem server, run from node_modules with this Node, unless the file names one', async () => {
    const roots = [directory.path];
    const none = { path: path.join(directory.path, 'none.json'), required: false };
    expect(
      await mcpServerDefinitions({ ...settings, configFile: none, filesystem: { roots, isDefault: false } }),
    ).toEqual({
      servers: [
        {
          name: 'filesystem',
          kind: 'stdio',
          command: process.execPath,
          args: [expect.stringMatching(/server-filesystem[/\\]dist[/\\]index\.js$/), directory.path],
          env: {},
        },
      ],
      roots: { filesystem: roots },
    });
    const own = await fileWith({ mcpServers: { filesystem: { command: 'my-filesystem-server' } } });
    expect(
      await mcpServerDefinitions({ ...settings, configFile: own, filesystem: { roots, isDefault: false } }),
    ).toEqual({
      servers: [{ name: 'filesystem', kind: 'stdio', command: 'my-filesystem-server', args: [], env: {} }],
      roots: {},
    });
    expect(await mcpServerDefinitions({ ...settings, configFile: none, filesystem: undefined })).toEqual({
      servers: [],
      roots: {},
    });
  });
});
