import Anthropic from '@anthropic-ai/sdk';
import type { Engine } from '../../protocol/turn-events.ts';
import { systemPromptWithGrounding } from './grounding-prompt.ts';
import { LlmError, llmErrorFromStatus } from './llm-error.ts';
import type { LlmMessage, LlmProvider, LlmRequest, LlmStreamPart, LlmTool } from './llm-provider.ts';
import { parseToolArguments } from './parse-tool-arguments.ts';

type StreamEvent = Anthropic.Messages.RawMessageStreamEvent;
type MessageParam = Anthropic.Messages.MessageParam;
type ToolResultBlockParam = Anthropic.Messages.ToolResultBlockParam;

/** The Messages API request for a Kiln request (pure; tested without a network). */
export function toAnthropicRequest(
  request: LlmRequest,
  model: string,
): Anthropic.Messages.MessageCreateParamsStreaming {
  return {
    model,
    max_tokens: request.maxOutputTokens,
    system: systemPromptWithGrounding(request),
    messages: toAnthropicMessages(request.messages),
    ...(request.tools?.length ? { tools: request.tools.map(toAnthropicTool) } : {}),
    stream: true,
  };
}

function toAnthropicTool(tool: LlmTool): Anthropic.Messages.Tool {
  return { name: tool.name, description: tool.description, input_schema: tool.inputSchema };
}

/**
 * The API's rules for tools: an assistant's calls are `tool_use` blocks after its text, and the results go back
 * in the next user message, one `tool_result` block each, all the results of a turn in that one message.
 */
function toAnthropicMessages(messages: LlmMessage[]): MessageParam[] {
  const mapped: MessageParam[] = [];
  let results: ToolResultBlockParam[] | undefined;
  for (const message of messages) {
    if (message.role === 'tool') {
      if (!results) {
        results = [];
        mapped.push({ role: 'user', content: results });
      }
      results.push({
        type: 'tool_result',
        tool_use_id: message.toolCallId,
        content: message.content,
        is_error: message.isError ?? false,
      });
      continue;
    }
    results = undefined;
    if (message.role === 'assistant' && message.toolCalls?.length) {
      mapped.push({
        role: 'assistant',
        content: [
          // The API rejects an empty text block.
          ...(message.content ? [{ type: 'text' as const, text: message.content }] : []),
          ...message.toolCalls.map((call) => ({
            type: 'tool_use' as const,
            id: call.id,
            name: call.name,
            input: toolInput(call.arguments),
          })),
        ],
      });
    } else {
      mapped.push({ role: message.role, content: message.content });
    }
  }
  return mapped;
}

/** The API takes only an object as a call's `input`: arguments the model wrote that were not JSON go back as `{}`. */
function toolInput(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * Turns the Messages API event stream (`message_start`, `content_block_*`,
 * `message_delta`, `message_stop`) into stream parts. A `tool_use` block's
 * `input_json_delta` fragments become one `tool-call` part when the block stops.
 * A stream that ends without `message_stop` was cut off, and says so instead of
 * passing as complete (a call whose block never stopped is not yielded).
 */
export async function* fromAnthropicEvents(events: AsyncIterable<StreamEvent>): AsyncGenerator<LlmStreamPart> {
  let inputTokens = 0;
  let outputTokens = 0;
  let stopReason: string | null = null;
  const toolCalls = new Map<number, { id: string; name: string; json: string }>();
  for await (const event of events) {
    switch (event.type) {
      case 'message_start':
        inputTokens = event.message.usage.input_tokens;
        outputTokens = event.message.usage.output_tokens;
        break;
      case 'content_block_start':
        if (event.content_block.type === 'tool_use') {
          toolCalls.set(event.index, { id: event.content_block.id, name: event.content_block.name, json: '' });
        }
        break;
      case 'content_block_delta': {
        if (event.delta.type === 'text_delta' && event.delta.text) yield { type: 'text-delta', text: event.delta.text };
        const call = toolCalls.get(event.index);
        if (call && event.delta.type === 'input_json_delta') call.json += event.delta.partial_json;
        break;
      }
      case 'content_block_stop': {
        const call = toolCalls.get(event.index);
        if (call) {
          toolCalls.delete(event.index);
          yield { type: 'tool-call', id: call.id, name: call.name, arguments: parseToolArguments(call.json) };
        }
        break;
      }
      case 'message_delta':
        stopReason = event.delta.stop_reason ?? stopReason;
        outputTokens = event.usage.output_tokens;
        if (event.usage.input_tokens) inputTokens = event.usage.input_tokens;
        break;
      case 'message_stop':
        yield {
          type: 'finish',
          reason: stopReason === 'max_tokens' ? 'length' : stopReason === 'tool_use' ? 'tool-calls' : 'stop',
          usage: { inputTokens, outputTokens },
        };
        return;
      default:
        break;
    }
  }
  throw new LlmError('llm_stream_broken', 'The answer from Anthropic broke off before it was complete.', {
    retryable: true,
  });
}

/** Anthropic's streaming Messages API through `@anthropic-ai/sdk`; one client, so connections are kept alive. */
export class AnthropicProvider implements LlmProvider {
  readonly engine: Engine;
  private readonly client: Anthropic;

  constructor(options: { apiKey: string | undefined; model: string; baseUrl?: string }) {
    this.engine = { provider: 'anthropic', model: options.model };
    // Every option explicit: left out, the SDK reads ANTHROPIC_AUTH_TOKEN / ANTHROPIC_BASE_URL from process.env
    // behind Kiln's back. Retries and timeouts are ours (resilientProvider): before the first token only.
    this.client = new Anthropic({
      apiKey: options.apiKey ?? null,
      authToken: null,
      baseURL: options.baseUrl ?? 'https://api.anthropic.com',
      maxRetries: 0,
      timeout: 10 * 60_000,
    });
  }

  async *stream(request: LlmRequest, signal: AbortSignal): AsyncGenerator<LlmStreamPart> {
    let events: AsyncIterable<StreamEvent>;
    try {
      events = await this.client.messages.create(toAnthropicRequest(request, this.engine.model), { signal });
      yield* fromAnthropicEvents(events);
    } catch (error) {
      throw mapError(error, signal);
    }
  }
}

function mapError(error: unknown, signal: AbortSignal): unknown {
  if (signal.aborted || error instanceof LlmError) return signal.aborted ? signal.reason : error;
  if (error instanceof Anthropic.APIConnectionTimeoutError) {
    return new LlmError('llm_timeout', 'Anthropic did not answer in time.', { retryable: true, cause: error });
  }
  if (error instanceof Anthropic.APIError) return llmErrorFromStatus('Anthropic', error.status, error.headers, error);
  return new LlmError('llm_stream_broken', 'The answer from Anthropic broke off.', { retryable: true, cause: error });
}
