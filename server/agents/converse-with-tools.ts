import { randomUUID } from 'node:crypto';
import type { LlmMessage, LlmProvider, LlmRequest, LlmToolCall, TokenUsage } from '../llm/llm-provider.ts';
import { ToolError } from '../mcp/tool-error.ts';
import type { AgentContext, AgentEvent, AgentResult } from './agent.ts';
import type { AgentTool } from './agent-tool.ts';
import type { ConfirmTool } from './tool-confirmations.ts';

export interface ToolConversation {
  result: AgentResult;
  /** Everything the model said, over every round. */
  text: string;
  /** The model's text after its last tool call: the answer proper. */
  lastText: string;
  calls: number;
}

const resultLength = 8_000;
const summaryLength = 2_000;

/**
 * A model answering with tools: streams its text as `text.delta`, and for each tool call emits `tool.call`,
 * waits for the user's confirmation when the tool may write (`tool.confirmation`; a refusal is told to the
 * model), runs it, emits `tool.result` and asks the model again with the results, until it answers without
 * calling a tool. After `maxCalls` calls the model is asked once more with no tools, to answer from what it has.
 */
export async function* converseWithTools(
  provider: LlmProvider,
  request: LlmRequest,
  tools: AgentTool[],
  context: Pick<AgentContext, 'turnId' | 'user' | 'signal'>,
  options: { confirm?: ConfirmTool; maxCalls?: number; newId?: () => string } = {},
): AsyncGenerator<AgentEvent, ToolConversation> {
  const maxCalls = options.maxCalls ?? 8;
  const newId = options.newId ?? randomUUID;
  const messages: LlmMessage[] = [...request.messages];
  const usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
  let text = '';
  let calls = 0;
  for (;;) {
    const offered = calls < maxCalls && tools.length ? tools : undefined;
    let roundText = '';
    const requested: LlmToolCall[] = [];
    let finish: 'stop' | 'length' | 'tool-calls' = 'stop';
    for await (const part of provider.stream(
      { ...request, messages, ...(offered ? { tools: offered } : { tools: undefined }) },
      context.signal,
    )) {
      if (part.type === 'text-delta') {
        roundText += part.text;
        yield { type: 'text.delta', delta: part.text };
      } else if (part.type === 'tool-call') {
        requested.push({ id: part.id, name: part.name, arguments: part.arguments });
      } else {
        finish = part.reason;
        usage.inputTokens += part.usage.inputTokens;
        usage.outputTokens += part.usage.outputTokens;
      }
    }
    text += roundText;
    if (requested.length === 0 || !offered) {
      return {
        result: { finishReason: finish === 'length' ? 'length' : 'stop', usage },
        text,
        lastText: roundText,
        calls,
      };
    }
    messages.push({ role: 'assistant', content: roundText, toolCalls: requested });
    for (const call of requested) {
      // Vendors want a result for every call the model made, even those past the cap.
      if (calls >= maxCalls) {
        messages.push({
          role: 'tool',
          toolCallId: call.id,
          content: 'Not run: the tool call limit was reached.',
          isError: true,
        });
        continue;
      }
      calls += 1;
      const answer = yield* runCall(call, offered, context, options.confirm, newId);
      messages.push({ role: 'tool', toolCallId: call.id, content: answer.content, isError: answer.isError });
    }
    if (calls >= maxCalls) {
      messages.push({
        role: 'user',
        content: `You have used the ${maxCalls} tool calls allowed for this answer. Answer now from what you have.`,
      });
    }
  }
}

async function* runCall(
  call: LlmToolCall,
  tools: AgentTool[],
  context: Pick<AgentContext, 'turnId' | 'user' | 'signal'>,
  confirm: ConfirmTool | undefined,
  newId: () => string,
): AsyncGenerator<AgentEvent, { content: string; isError: boolean }> {
  const tool = tools.find((candidate) => candidate.name === call.name);
  const callId = newId();
  const args = isRecord(call.arguments) ? call.arguments : {};
  if (!tool) {
    yield { type: 'tool.call', callId, server: 'unknown', tool: call.name, arguments: call.arguments };
    const summary = `There is no tool named “${call.name}”.`;
    yield { type: 'tool.result', callId, ok: false, summary };
    return { content: summary, isError: true };
  }
  // Arguments that cannot be called with are refused before anyone is asked to confirm them.
  const needsConfirmation = !tool.readOnly && isRecord(call.arguments);
  yield {
    type: 'tool.call',
    callId,
    server: tool.server,
    tool: tool.tool,
    arguments: call.arguments,
    ...(needsConfirmation ? { needsConfirmation } : {}),
  };
  if (!isRecord(call.arguments)) {
    const summary = 'The arguments were not a JSON object.';
    yield { type: 'tool.result', callId, ok: false, summary };
    return { content: summary, isError: true };
  }
  if (needsConfirmation) {
    const answer = confirm
      ? await confirm({ turnId: context.turnId, callId, ownerId: context.user.id, signal: context.signal })
      : { approved: false, by: 'timeout' as const };
    yield { type: 'tool.confirmation', callId, approved: answer.approved, by: answer.by };
    if (!answer.approved) {
      const summary =
        answer.by === 'user'
          ? 'The user refused this call. Do not try it again; answer without it or suggest what they could do.'
          : 'Nobody confirmed this call in time, so it did not run. Answer without it.';
      yield { type: 'tool.result', callId, ok: false, summary };
      return { content: summary, isError: true };
    }
  }
  try {
    const output = await tool.call(args, context.signal);
    yield { type: 'tool.result', callId, ok: true, summary: cut(output, summaryLength) };
    return { content: cut(output, resultLength), isError: false };
  } catch (error) {
    if (!(error instanceof ToolError)) throw error;
    yield { type: 'tool.result', callId, ok: false, summary: error.message };
    return { content: error.message, isError: true };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text cut at `length`, saying how much was left out (tool results as events and as the model gets them). */
export function cut(text: string, length: number): string {
  return text.length > length
    ? `${text.slice(0, length)}… (${(text.length - length).toLocaleString('en')} more characters)`
    : text;
}
