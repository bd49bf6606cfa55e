import { describe, expect, it } from 'vitest';
import { agentContext, runAgent } from '../../tests/support/agent-harness.ts';
import { ScriptedProvider, type ScriptedReply } from '../../tests/support/scripted-provider.ts';
import { OfflineEngine } from '../llm/offline-engine.ts';
import { InMemoryToolHost, type InMemoryTool } from '../mcp/in-memory-tool-host.ts';
import type { ConfirmationAnswer, ConfirmationRequest, ConfirmTool } from './tool-confirmations.ts';
import { ToolAgent } from './tool-agent.ts';

const root = '/srv/projects/shop';

/** A filesystem server whose read tool is marked read-only and whose write tool is not (so it may write). */
function filesystem(written: string[] = []): InMemoryTool[] {
  return [
    {
      name: 'read_text_file',
      description: 'Read a file.',
      inputSchema: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
      readOnly: true,
      run: ({ path }) => (path === `${root}/README.md` ? '# Shop\nRun `npm start`.' : 'ENOENT'),
    },
    {
      name: 'write_file',
      description: 'Write a file.',
      inputSchema: { type: 'object', properties: { path: { type: 'string' }, content: { type: 'string' } } },
      run: ({ path }) => {
        written.push(String(path));
        return `Successfully wrote to ${String(path)}`;
      },
    },
  ];
}

/** An issue tracker on a server whose name is not a valid model-facing name as is. */
const tracker: InMemoryTool[] = [
  {
    name: 'read_text_file',
    description: 'Reads an issue, despite its name.',
    inputSchema: { type: 'object', properties: { id: { type: 'number' } } },
    readOnly: true,
    run: ({ id }) => `Issue ${String(id)}: checkout fails`,
  },
];

function confirming(answer: ConfirmationAnswer): ConfirmTool & { asked: Omit<ConfirmationRequest, 'signal'>[] } {
  const asked: Omit<ConfirmationRequest, 'signal'>[] = [];
  return Object.assign(
    async ({ signal: _signal, ...request }: ConfirmationRequest) => {
      asked.push(request);
      return answer;
    },
    { asked },
  );
}

const call = (name: string, args: unknown) => ({ toolCall: { id: 'vendor-1', name, arguments: args } });

const ids = () => {
  let next = 0;
  return () => `call-${(next += 1)}`;
};

function agentWith(host: InMemoryToolHost, replies: ScriptedReply[], confirm?: ConfirmTool) {
  const provider = new ScriptedProvider({ replies });
  return { provider, agent: new ToolAgent(host, { roots: { filesystem: [root] }, provider, confirm, newId: ids() }) };
}

describe('ToolAgent with a model', () => {
  it("offers every server's tools by model-facing names, and calls the one the model picks with its arguments", async () => {
    const host = new InMemoryToolHost({ filesystem: filesystem(), 'issues.internal': tracker });
    const { provider, agent } = agentWith(host, [
      [call('issues_internal__read_text_file', { id: 42 })],
      ['Issue 42 says checkout fails.'],
    ]);
    const { events, text } = await runAgent(agent, agentContext('what does issue 42 say?'));

    expect(provider.requests[0]!.tools?.map((tool) => tool.name)).toEqual([
      'filesystem__read_text_file',
      'filesystem__write_file',
      'issues_internal__read_text_file',
    ]);
    expect(provider.requests[0]!.system).toContain(`The filesystem server may use these folders: ${root}.`);
    expect(host.calls).toEqual([{ server: 'issues.internal', tool: 'read_text_file', args: { id: 42 } }]);
    expect(events.filter((event) => event.type !== 'text.delta')).toEqual([
      { type: 'tool.call', callId: 'call-1', server: 'issues.internal', tool: 'read_text_file', arguments: { id: 42 } },
      { type: 'tool.result', callId: 'call-1', ok: true, summary: 'Issue 42: checkout fails' },
    ]);
    expect(provider.requests[1]!.messages.at(-1)).toEqual({
      role: 'tool',
      toolCallId: 'vendor-1',
      content: 'Issue 42: checkout fails',
      isError: false,
    });
    expect(text).toBe('Issue 42 says checkout fails.');
  });

  it('waits for confirmation before a tool not marked read-only, and writes once approved', async () => {
    const written: string[] = [];
    const confirm = confirming({ approved: true, by: 'user' });
    const { agent } = agentWith(
      new InMemoryToolHost({ filesystem: filesystem(written) }),
      [[call('filesystem__write_file', { path: `${root}/TODO.md`, content: '- ship' })], ['Written.']],
      confirm,
    );
    const { events } = await runAgent(agent, agentContext('add "ship" to TODO.md'));

    expect(confirm.asked).toEqual([{ turnId: 't1', callId: 'call-1', ownerId: 'u1' }]);
    expect(events.filter((event) => event.type !== 'text.delta')).toEqual([
      expect.objectContaining({ type: 'tool.call', server: 'filesystem', tool: 'write_file', needsConfirmation: true }),
      { type: 'tool.confirmation', callId: 'call-1', approved: true, by: 'user' },
      { type: 'tool.result', callId: 'call-1', ok: true, summary: `Successfully wrote to ${root}/TODO.md` },
    ]);
    expect(written).toEqual([`${root}/TODO.md`]);
  });

  it('does not write when the user refuses, and the model hears it', async () => {
    const host = new InMemoryToolHost({ filesystem: filesystem() });
    const { agent, provider } = agentWith(
      host,
      [[call('filesystem__write_file', { path: `${root}/TODO.md`, content: '- ship' })], ['I did not change it.']],
      confirming({ approved: false, by: 'user' }),
    );
    const { text } = await runAgent(agent, agentContext('add "ship" to TODO.md'));
    expect(host.calls).toEqual([]);
    expect(provider.requests[1]!.messages.at(-1)).toMatchObject({ role: 'tool', isError: true });
    expect(text).toBe('I did not change it.');
  });

  it('runs a read-only tool without asking', async () => {
    const confirm = confirming({ approved: false, by: 'user' });
    const host = new InMemoryToolHost({ filesystem: filesystem() });
    const { agent } = agentWith(
      host,
      [[call('filesystem__read_text_file', { path: `${root}/README.md` })], ['Run npm start.']],
      confirm,
    );
    const { events } = await runAgent(agent, agentContext('how do I start the shop?'));
    expect(confirm.asked).toEqual([]);
    expect(events.some((event) => event.type === 'tool.confirmation')).toBe(false);
    expect(host.calls).toEqual([{ server: 'filesystem', tool: 'read_text_file', args: { path: `${root}/README.md` } }]);
  });

  it('leaves the offline engine out: the deterministic planner answers', async () => {
    const host = new InMemoryToolHost({ filesystem: filesystem() });
    const agent = new ToolAgent(host, { roots: { filesystem: [root] }, provider: new OfflineEngine(), newId: ids() });
    const { events } = await runAgent(agent, agentContext('read README.md'));
    expect(host.calls).toEqual([{ server: 'filesystem', tool: 'read_text_file', args: { path: `${root}/README.md` } }]);
    expect(events.filter((event) => event.type === 'tool.result')).toEqual([
      { type: 'tool.result', callId: 'call-1', ok: true, summary: '# Shop\nRun `npm start`.' },
    ]);
  });
});
