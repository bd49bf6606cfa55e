import { describe, expect, it } from 'vitest';
import { agentContext } from '../../tests/support/agent-harness.ts';
import { ScriptedProvider, type ScriptedReply } from '../../tests/support/scripted-provider.ts';
import type { LlmRequest } from '../llm/llm-provider.ts';
import { ToolError } from '../mcp/tool-error.ts';
import type { AgentEvent } from './agent.ts';
import type { AgentTool } from './agent-tool.ts';
import { converseWithTools, type ToolConversation } from './converse-with-tools.ts';
import type { ConfirmationAnswer, ConfirmationRequest, ConfirmTool } from './tool-confirmations.ts';

/** A tool that records its calls and answers what `answer` says (a throw is the tool failing). */
function recordingTool(
  name: string,
  readOnly: boolean,
  answer: (args: Record<string, unknown>) => string = () => 'done',
): AgentTool & { calls: Record<string, unknown>[] } {
  const calls: Record<string, unknown>[] = [];
  return {
    calls,
    name,
    server: 'files',
    tool: name.replace(/^files__/, ''),
    readOnly,
    description: `The ${name} tool.`,
    inputSchema: { type: 'object', properties: { path: { type: 'string' } } },
    call: async (args) => {
      calls.push(args);
      return answer(args);
    },
  };
}

/** A confirmation that answers as told, and records what it was asked. */
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

const call = (id: string, name: string, args: unknown = { path: 'notes.md' }) => ({
  toolCall: { id, name, arguments: args },
});

const ids = () => {
  let next = 0;
  return () => `call-${(next += 1)}`;
};

const baseRequest: LlmRequest = {
  system: 'You are Kiln.',
  messages: [{ role: 'user', content: 'What does notes.md say?' }],
  maxOutputTokens: 1000,
};

async function converse(
  replies: ScriptedReply[] | ((request: LlmRequest, index: number) => ScriptedReply),
  tools: AgentTool[],
  options: { confirm?: ConfirmTool; maxCalls?: number } = {},
): Promise<{ events: AgentEvent[]; conversation: ToolConversation; provider: ScriptedProvider }> {
  const provider = new ScriptedProvider({ replies });
  const events: AgentEvent[] = [];
  const iterator = converseWithTools(provider, baseRequest, tools, agentContext('What does notes.md say?'), {
    ...options,
    newId: ids(),
  });
  for (;;) {
    const step = await iterator.next();
    if (step.done) return { events, conversation: step.value, provider };
    events.push(step.value);
  }
}

describe('converseWithTools', () => {
  it('runs a read-only call without asking, gives the model its result, and streams the answer', async () => {
    const read = recordingTool('files__read', true, () => '# Notes\nShip on Friday.');
    const { events, conversation, provider } = await converse(
      [['Let me look.', call('vendor-1', 'files__read')], ['It says to ship on Friday.']],
      [read],
      { confirm: confirming({ approved: false, by: 'user' }) },
    );

    expect(events).toEqual([
      { type: 'text.delta', delta: 'Let me look.' },
      { type: 'tool.call', callId: 'call-1', server: 'files', tool: 'read', arguments: { path: 'notes.md' } },
      { type: 'tool.result', callId: 'call-1', ok: true, summary: '# Notes\nShip on Friday.' },
      { type: 'text.delta', delta: 'It says to ship on Friday.' },
    ]);
    expect(read.calls).toEqual([{ path: 'notes.md' }]);
    expect(provider.requests[0]!.tools?.map((tool) => tool.name)).toEqual(['files__read']);
    expect(provider.requests[1]!.messages).toEqual([
      { role: 'user', content: 'What does notes.md say?' },
      {
        role: 'assistant',
        content: 'Let me look.',
        toolCalls: [{ id: 'vendor-1', name: 'files__read', arguments: { path: 'notes.md' } }],
      },
      { role: 'tool', toolCallId: 'vendor-1', content: '# Notes\nShip on Friday.', isError: false },
    ]);
    expect(conversation).toMatchObject({
      text: 'Let me look.It says to ship on Friday.',
      lastText: 'It says to ship on Friday.',
      calls: 1,
      result: { finishReason: 'stop' },
    });
  });

  it('runs a call that may write once the user approves it', async () => {
    const write = recordingTool('files__write', false, () => 'Wrote 12 bytes.');
    const confirm = confirming({ approved: true, by: 'user' });
    const { events, provider } = await converse(
      [[call('vendor-1', 'files__write', { path: 'notes.md', content: 'Ship Monday.' })], ['Done.']],
      [write],
      { confirm },
    );

    expect(events.filter((event) => event.type !== 'text.delta')).toEqual([
      {
        type: 'tool.call',
        callId: 'call-1',
        server: 'files',
        tool: 'write',
        arguments: { path: 'notes.md', content: 'Ship Monday.' },
        needsConfirmation: true,
      },
      { type: 'tool.confirmation', callId: 'call-1', approved: true, by: 'user' },
      { type: 'tool.result', callId: 'call-1', ok: true, summary: 'Wrote 12 bytes.' },
    ]);
    expect(confirm.asked).toEqual([{ turnId: 't1', callId: 'call-1', ownerId: 'u1' }]);
    expect(write.calls).toEqual([{ path: 'notes.md', content: 'Ship Monday.' }]);
    expect(provider.requests[1]!.messages.at(-1)).toEqual({
      role: 'tool',
      toolCallId: 'vendor-1',
      content: 'Wrote 12 bytes.',
      isError: false,
    });
  });

  it('does not run a call the user refused, and tells the model so', async () => {
    const write = recordingTool('files__write', false);
    const { events, provider, conversation } = await converse(
      [[call('vendor-1', 'files__write')], ['I left the file alone.']],
      [write],
      { confirm: confirming({ approved: false, by: 'user' }) },
    );

    expect(write.calls).toEqual([]);
    expect(events.filter((event) => event.type !== 'text.delta')).toEqual([
      expect.objectContaining({ type: 'tool.call', callId: 'call-1', needsConfirmation: true }),
      { type: 'tool.confirmation', callId: 'call-1', approved: false, by: 'user' },
      { type: 'tool.result', callId: 'call-1', ok: false, summary: expect.stringContaining('refused') },
    ]);
    const told = provider.requests[1]!.messages.at(-1)!;
    expect(told).toMatchObject({ role: 'tool', toolCallId: 'vendor-1', isError: true });
    expect(told.content).toMatch(/The user refused this call/);
    expect(conversation.lastText).toBe('I left the file alone.');
  });

  it('refuses a call that may write when nobody can confirm it', async () => {
    const write = recordingTool('files__write', false);
    const { events, provider } = await converse([[call('vendor-1', 'files__write')], ['Not done.']], [write]);
    expect(write.calls).toEqual([]);
    expect(events).toContainEqual({ type: 'tool.confirmation', callId: 'call-1', approved: false, by: 'timeout' });
    expect(provider.requests[1]!.messages.at(-1)).toMatchObject({ role: 'tool', isError: true });
  });

  it('asks the model without tools once it has made its maxCalls calls', async () => {
    const read = recordingTool('files__read', true, (args) => `contents of ${String(args.path)}`);
    let file = 0;
    const { provider, conversation } = await converse(
      (request) =>
        request.tools ? [call(`vendor-${file}`, 'files__read', { path: `file-${(file += 1)}.md` })] : ['Enough.'],
      [read],
      { maxCalls: 2 },
    );

    expect(read.calls).toEqual([{ path: 'file-1.md' }, { path: 'file-2.md' }]);
    expect(provider.requests.map((request) => request.tools?.length)).toEqual([1, 1, undefined]);
    expect(provider.requests[2]!.messages.at(-1)).toEqual({
      role: 'user',
      content: 'You have used the 2 tool calls allowed for this answer. Answer now from what you have.',
    });
    expect(conversation).toMatchObject({ calls: 2, lastText: 'Enough.' });
  });

  it('never runs more than maxCalls calls, even when the model asks for several at once', async () => {
    const read = recordingTool('files__read', true);
    const { provider } = await converse(
      [
        [
          call('vendor-1', 'files__read', { path: 'a.md' }),
          call('vendor-2', 'files__read', { path: 'b.md' }),
          call('vendor-3', 'files__read', { path: 'c.md' }),
        ],
        ['Enough.'],
      ],
      [read],
      { maxCalls: 2 },
    );
    expect(read.calls).toHaveLength(2);
    // Every call the model made still gets an answer, as the vendors require.
    const results = provider.requests[1]!.messages.filter((message) => message.role === 'tool');
    expect(results.map((message) => message.role === 'tool' && message.toolCallId)).toEqual([
      'vendor-1',
      'vendor-2',
      'vendor-3',
    ]);
  });

  it('tells the model a tool it named does not exist', async () => {
    const read = recordingTool('files__read', true);
    const { events, provider } = await converse(
      [[call('vendor-1', 'files__delete_all', {})], ['Sorry, I cannot do that.']],
      [read],
    );
    expect(events.filter((event) => event.type !== 'text.delta')).toEqual([
      { type: 'tool.call', callId: 'call-1', server: 'unknown', tool: 'files__delete_all', arguments: {} },
      { type: 'tool.result', callId: 'call-1', ok: false, summary: 'There is no tool named “files__delete_all”.' },
    ]);
    expect(read.calls).toEqual([]);
    expect(provider.requests[1]!.messages.at(-1)).toEqual({
      role: 'tool',
      toolCallId: 'vendor-1',
      content: 'There is no tool named “files__delete_all”.',
      isError: true,
    });
  });

  it('runs nothing when the arguments are not an object, and tells the model', async () => {
    const read = recordingTool('files__read', true);
    const { events, provider } = await converse(
      [[call('vendor-1', 'files__read', 'path=notes.md')], ['Let me fix that.']],
      [read],
    );
    expect(read.calls).toEqual([]);
    expect(events.filter((event) => event.type !== 'text.delta')).toEqual([
      { type: 'tool.call', callId: 'call-1', server: 'files', tool: 'read', arguments: 'path=notes.md' },
      { type: 'tool.result', callId: 'call-1', ok: false, summary: 'The arguments were not a JSON object.' },
    ]);
    expect(provider.requests[1]!.messages.at(-1)).toMatchObject({
      role: 'tool',
      toolCallId: 'vendor-1',
      isError: true,
    });
  });

  it('never leaves a call shown as waiting for confirmation when nobody is asked (arguments not an object)', async () => {
    const write = recordingTool('files__write', false);
    const confirm = confirming({ approved: true, by: 'user' });
    const { events } = await converse([[call('vendor-1', 'files__write', [1, 2])], ['Oops.']], [write], { confirm });
    expect(write.calls).toEqual([]);
    expect(events).toContainEqual({
      type: 'tool.result',
      callId: 'call-1',
      ok: false,
      summary: 'The arguments were not a JSON object.',
    });
    // The protocol: a `tool.call` with `needsConfirmation` is followed by its `tool.confirmation`; the client shows
    // Allow and Deny until then, and answering finds no waiting call.
    const waiting = events.flatMap((event) =>
      event.type === 'tool.call' && event.needsConfirmation ? [event.callId] : [],
    );
    const answered = events.flatMap((event) => (event.type === 'tool.confirmation' ? [event.callId] : []));
    expect(waiting.filter((callId) => !answered.includes(callId))).toEqual([]);
  });

  it("tells the model a tool's failure, and goes on", async () => {
    const read = recordingTool('files__read', true, () => {
      throw new ToolError('mcp_tool_failed', "ENOENT: no such file or directory, open 'notes.md'");
    });
    const { events, provider } = await converse([[call('vendor-1', 'files__read')], ['There is no notes.md.']], [read]);
    expect(events).toContainEqual({
      type: 'tool.result',
      callId: 'call-1',
      ok: false,
      summary: "ENOENT: no such file or directory, open 'notes.md'",
    });
    expect(provider.requests[1]!.messages.at(-1)).toMatchObject({ role: 'tool', isError: true });
  });
});
