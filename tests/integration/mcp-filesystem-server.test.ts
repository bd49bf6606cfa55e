import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config/config.ts';
import { createToolHost } from '../../server/mcp/create-tool-host.ts';
import type { SdkToolHost } from '../../server/mcp/sdk-tool-host.ts';
import { temporaryDirectory } from '../support/temporary-directory.ts';

let root: Awaited<ReturnType<typeof temporaryDirectory>>;
let host: SdkToolHost;
const signal = new AbortController().signal;

/** The command lines of running processes that mention `text`. */
const processesMentioning = (text: string) =>
  execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(text) && !line.includes('ps -eo'));

beforeAll(async () => {
  root = await temporaryDirectory('kiln-mcp-root');
  await writeFile(path.join(root.path, 'alpha.txt'), 'first file\n');
  await writeFile(path.join(root.path, 'beta.md'), '# Beta\n');
  await mkdir(path.join(root.path, 'src'));
  await writeFile(path.join(root.path, 'src', 'index.ts'), 'export const answer = 42;\n');
  const config = loadConfig({
    MCP_FILESYSTEM_ROOTS: root.path,
    MCP_CONFIG: '',
    KILN_DATA_DIR: path.join(root.path, '..', 'kiln-mcp-unused'),
  });
  ({ host } = await createToolHost(config.mcp, pino({ level: 'silent' })));
});
afterAll(async () => {
  await host?.close();
  await root?.remove();
});

describe('the built-in filesystem MCP server', () => {
  it('starts on first use and lists its tools', async () => {
    expect(processesMentioning(root.path)).toEqual([]);
    const { tools, unavailable } = await host.listTools();
    expect(unavailable).toEqual([]);
    expect(tools.map((tool) => tool.name)).toEqual(
      expect.arrayContaining(['list_directory', 'directory_tree', 'read_text_file', 'search_files', 'get_file_info']),
    );
    expect(processesMentioning(root.path)).toHaveLength(1);
  });

  it('lists and reads real files in its root', async () => {
    const listing = await host.callTool('filesystem', 'list_directory', { path: root.path }, signal);
    expect(listing.text.split('\n').sort()).toEqual(['[DIR] src', '[FILE] alpha.txt', '[FILE] beta.md']);
    expect(
      (await host.callTool('filesystem', 'read_text_file', { path: path.join(root.path, 'src', 'index.ts') }, signal))
        .text,
    ).toBe('export const answer = 42;\n');
  });

  it("refuses a path outside its roots with the server's own message", async () => {
    await expect(
      host.callTool('filesystem', 'read_text_file', { path: '/etc/hostname' }, signal),
    ).rejects.toMatchObject({
      code: 'mcp_tool_failed',
      message: expect.stringMatching(/Access denied - path outside allowed directories/),
    });
  });

  it('names paths in its errors from the root, never by where the root is on this machine', async () => {
    const name = path.basename(root.path);
    const missing = host.callTool('filesystem', 'read_text_file', { path: path.join(root.path, 'notes.md') }, signal);
    await expect(missing).rejects.toMatchObject({ message: expect.stringContaining(`${name}/notes.md`) });
    const outside = await host
      .callTool('filesystem', 'read_text_file', { path: '/etc/hostname' }, signal)
      .catch((error: Error) => error);
    expect((outside as Error).message).toContain(`not in ${name}`);
    for (const error of [await missing.catch((error: Error) => error), outside])
      expect((error as Error).message).not.toContain(root.path);
  });

  it('leaves no process behind once closed', async () => {
    await host.close();
    await expect.poll(() => processesMentioning(root.path), { timeout: 5_000 }).toEqual([]);
  });
});
