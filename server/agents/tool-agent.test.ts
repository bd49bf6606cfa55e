import { describe, expect, it } from 'vitest';
import { agentContext, runAgent } from '../../tests/support/agent-harness.ts';
import { InMemoryToolHost, type InMemoryTool } from '../mcp/in-memory-tool-host.ts';
import { ToolAgent } from './tool-agent.ts';

const root = '/srv/projects/shop';

/** A filesystem-like server over a fixed set of files under `root`; anything else is refused as the real server does. */
function filesystemTools(options: { readTool?: string; roots?: boolean } = {}): InMemoryTool[] {
  const files: Record<string, string> = {
    [`${root}/README.md`]: '# Shop\n',
    [`${root}/src/cart.ts`]: 'export const cart = [];\n',
  };
  const inside = (target: unknown) => {
    if (typeof target !== 'string' || !target.startsWith(root))
      throw new Error(`Access denied - path outside allowed directories: ${String(target)} not in ${root}`);
    return target;
  };
  const schema = (...names: string[]) => ({
    type: 'object' as const,
    properties: Object.fromEntries(names.map((name) => [name, { type: 'string' }])),
  });
  return [
    {
      name: 'list_directory',
      description: 'Get a detailed listing of all files and directories in a specified path. More text.',
      inputSchema: schema('path'),
      run: ({ path }) => (inside(path) === `${root}/src` ? '[FILE] cart.ts' : '[FILE] README.md\n[DIR] src'),
    },
    {
      name: options.readTool ?? 'read_text_file',
      description: 'Read a file.',
      inputSchema: schema('path', 'head'),
      run: ({ path }) =>
        files[inside(path)] ??
        (() => {
          throw new Error(`ENOENT: no such file or directory, open '${String(path)}'`);
        })(),
    },
    {
      name: 'search_files',
      description: 'Search files.',
      inputSchema: schema('path', 'pattern', 'excludePatterns'),
      run: ({ path }) => `${inside(path)}/src/cart.ts`,
    },
    { name: 'write_file', description: 'Write a file.', inputSchema: schema('path', 'content'), run: () => 'written' },
    ...(options.roots
      ? [
          {
            name: 'list_allowed_directories',
            description: 'Roots.',
            inputSchema: schema(),
            run: () => `Allowed directories:\n${root}`,
          },
        ]
      : []),
  ];
}

async function turn(agent: ToolAgent, message: string, signal = new AbortController().signal) {
  const { events, text } = await runAgent(agent, agentContext(message, { signal }));
  return { events: events.filter((event) => event.type !== 'text.delta'), answer: text };
}

const ids = () => {
  let next = 0;
  return () => `call-${(next += 1)}`;
};

describe('ToolAgent', () => {
  it('lists a folder given relative to the first root, and answers from the real listing', async () => {
    const tools = new InMemoryToolHost({ filesystem: filesystemTools() });
    const { events, answer } = await turn(
      new ToolAgent(tools, { roots: { filesystem: [root] }, newId: ids() }),
      "what's in the root?",
    );
    expect(events).toEqual([
      { type: 'tool.call', callId: 'call-1', server: 'filesystem', tool: 'list_directory', arguments: { path: root } },
      { type: 'tool.result', callId: 'call-1', ok: true, summary: '[FILE] README.md\n[DIR] src' },
    ]);
    expect(answer).toBe(`\`${root}\` holds 1 file and 1 folder:\n\n- \`src/\`\n- \`README.md\`\n`);

    const nested = await turn(new ToolAgent(tools, { roots: { filesystem: [root] } }), 'list the files in src');
    expect(tools.calls.at(-1)).toEqual({ server: 'filesystem', tool: 'list_directory', args: { path: `${root}/src` } });
    expect(nested.answer).toContain('`src` holds 1 file and 0 folders:\n\n- `cart.ts`');
  });

  it('reads a file with whichever read tool the server has, fenced in its language', async () => {
    const tools = new InMemoryToolHost({ files: filesystemTools({ readTool: 'read_file' }) });
    const { answer } = await turn(new ToolAgent(tools, { roots: { files: [root] } }), 'read src/cart.ts');
    expect(tools.calls).toEqual([{ server: 'files', tool: 'read_file', args: { path: `${root}/src/cart.ts` } }]);
    expect(answer).toBe('`src/cart.ts`:\n\n```ts\nexport const cart = [];\n```\n');
  });

  it('searches recursively, skipping dependencies', async () => {
    const tools = new InMemoryToolHost({ filesystem: filesystemTools() });
    const { answer } = await turn(new ToolAgent(tools, { roots: { filesystem: [root] } }), 'search for cart in .');
    expect(tools.calls[0]!.args).toEqual({
      path: root,
      pattern: '**/*cart*',
      excludePatterns: ['**/node_modules', '**/.git'],
    });
    expect(answer).toContain('1 match for `**/*cart*`');
    expect(answer).toContain('- `src/cart.ts`');
  });

  it("draws a directory tree from the server's JSON, without dependency folders", async () => {
    const tree = JSON.stringify([
      { name: 'src', type: 'directory', children: [{ name: 'cart.ts', type: 'file' }] },
      { name: 'README.md', type: 'file' },
    ]);
    const tools = new InMemoryToolHost({
      filesystem: [
        {
          name: 'directory_tree',
          description: '',
          inputSchema: { type: 'object', properties: { path: {}, excludePatterns: {} } },
          run: () => tree,
        },
      ],
    });
    const { answer } = await turn(new ToolAgent(tools, { roots: { filesystem: [root] } }), 'show the directory tree');
    expect(tools.calls[0]!.args).toEqual({ path: root, excludePatterns: ['**/node_modules', '**/.git'] });
    expect(answer).toBe(`\`${root}\`:\n\n\`\`\`text\nsrc/\n  cart.ts\nREADME.md\n\`\`\`\n`);
  });

  it("shows a refusal as a failed tool.result with the server's message, and explains the roots by name", async () => {
    const tools = new InMemoryToolHost({ filesystem: filesystemTools() });
    const { events, answer } = await turn(
      new ToolAgent(tools, { roots: { filesystem: [root] }, newId: ids() }),
      'read /etc/passwd',
    );
    expect(events[1]).toEqual({
      type: 'tool.result',
      callId: 'call-1',
      ok: false,
      summary: 'Access denied - path outside allowed directories: /etc/passwd not in shop',
    });
    expect(answer).toContain('and it failed: Access denied - path outside allowed directories');
    expect(answer).toContain(
      'It may only read inside `shop`. To let Kiln read other folders, add them to `MCP_FILESYSTEM_ROOTS`',
    );
    expect(answer).not.toContain(root);
  });

  it('names a missing file from its root, never by the absolute path on the server', async () => {
    const tools = new InMemoryToolHost({ filesystem: filesystemTools() });
    const { events, answer } = await turn(
      new ToolAgent(tools, { roots: { filesystem: [root] }, newId: ids() }),
      'read notes.md',
    );
    expect(tools.calls[0]!.args).toEqual({ path: `${root}/notes.md` });
    expect(events[1]).toMatchObject({ ok: false, summary: "ENOENT: no such file or directory, open 'shop/notes.md'" });
    expect(answer).toContain("open 'shop/notes.md'");
    expect(answer).toContain('relative paths start at `shop`');
    expect(JSON.stringify(events.slice(1)) + answer).not.toContain('/srv/projects');
  });

  it('asks a server it did not configure for its roots, visibly, once', async () => {
    const tools = new InMemoryToolHost({ custom: filesystemTools({ roots: true }) });
    const agent = new ToolAgent(tools, { newId: ids() });
    const first = await turn(agent, 'list the files in src');
    expect(first.events.map((event) => event.type === 'tool.call' && event.tool)).toEqual([
      'list_allowed_directories',
      false,
      'list_directory',
      false,
    ]);
    expect(tools.calls.at(-1)!.args).toEqual({ path: `${root}/src` });
    await turn(agent, 'read README.md');
    expect(tools.calls.map((call) => call.tool)).toEqual([
      'list_allowed_directories',
      'list_directory',
      'read_text_file',
    ]);
  });

  it('says which tools exist and how to ask when it cannot map the request, calling nothing', async () => {
    const tools = new InMemoryToolHost({ filesystem: filesystemTools(), github: 'spawn npx ENOENT' });
    const { events, answer } = await turn(
      new ToolAgent(tools, { roots: { filesystem: [root] } }),
      'delete everything older than a week',
    );
    expect(events).toEqual([]);
    expect(tools.calls).toEqual([]);
    expect(answer).toContain('I could not turn that into a tool call.');
    expect(answer).toContain('- `list the files in src`');
    expect(answer).toContain(`Relative paths start at \`${root}\`.`);
    expect(answer).toContain(
      '- **filesystem** · `list_directory` — Get a detailed listing of all files and directories in a specified path.\n',
    );
    expect(answer).toContain('- **github**: spawn npx ENOENT');
  });

  it('never reaches for a write tool, and stops when the turn is stopped', async () => {
    const tools = new InMemoryToolHost({ filesystem: filesystemTools() });
    await turn(new ToolAgent(tools), 'write hello to notes.txt');
    expect(tools.calls).toEqual([]);
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    const slow = new InMemoryToolHost({
      filesystem: [
        {
          name: 'list_directory',
          description: '',
          inputSchema: { type: 'object', properties: { path: {} } },
          run: (_args, signal) => {
            signal.throwIfAborted();
            return '';
          },
        },
      ],
    });
    await expect(turn(new ToolAgent(slow), 'ls', controller.signal)).rejects.toThrow('stopped');
  });
});
