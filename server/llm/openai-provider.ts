import OpenAI from 'openai';
import type { Engine } from '../../protocol/turn-events.ts';
import { systemPromptWithGrounding } from './grounding-prompt.ts';
import { LlmError, llmErrorFromStatus } from './llm-error.ts';
import type { LlmMessage, LlmProvider, LlmRequest, LlmStreamPart, LlmTool } from './llm-provider.ts';
import { parseToolArguments } from './parse-tool-arguments.ts';

type Chunk = OpenAI.Chat.Completions.ChatCompletionChunk;
type MessageParam = OpenAI.Chat.Completions.ChatCompletionMessageParam;

/** The Chat Completions request for a Kiln request (pure; tested without a network). */
export function toOpenAiRequest(
  request: LlmRequest,
  model: string,
): OpenAI.Chat.Completions.ChatCompletionCreateParamsStreaming {
  return {
    model,
    // `max_tokens` rather than `max_completion_tokens`: every OpenAI-compatible server (Ollama, vLLM, llama.cpp) knows it.
    max_tokens: request.maxOutputTokens,
    messages: [
      { role: 'system', content: systemPromptWithGrounding(request) },
      ...request.messages.map(toOpenAiMessage),
    ],
    ...(request.tools?.length ? { tools: request.tools.map(toOpenAiTool) } : {}),
    stream: true,
    stream_options: { include_usage: true },
  };
}

function toOpenAiTool(tool: LlmTool): OpenAI.Chat.Completions.ChatCompletionFunctionTool {
  return {
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: tool.inputSchema },
  };
}

function toOpenAiMessage(message: LlmMessage): MessageParam {
  switch (message.role) {
    case 'user':
      return { role: 'user', content: message.content };
    case 'assistant':
      if (!message.toolCalls?.length) return { role: 'assistant', content: message.content };
      return {
        role: 'assistant',
        content: message.content,
        tool_calls: message.toolCalls.map((call) => ({
          id: call.id,
          type: 'function',
          function: {
            name: call.name,
            // Arguments that were not JSON go back exactly as the model wrote them.
            arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments ?? {}),
          },
        })),
      };
    case 'tool':
      // The API has no error flag for a result: `isError` cannot be sent, the content has to say it failed.
      return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
  }
}

/**
 * Turns `chat.completion.chunk`s into stream parts. Tool calls arrive as
 * `delta.tool_calls` fragments keyed by `index` (id and name first, then the
 * arguments in pieces); they are yielded whole, in the order they began, once
 * the stream has finished. Usage comes in a last chunk with no choices; servers
 * that send none get an estimate (4 characters a token). A stream that ends
 * without a `finish_reason` was cut off and says so (yielding no tool call).
 */
export async function* fromOpenAiChunks(
  chunks: AsyncIterable<Chunk>,
  promptCharacters: number,
): AsyncGenerator<LlmStreamPart> {
  let finishReason: string | null = null;
  let usage: { inputTokens: number; outputTokens: number } | undefined;
  let outputCharacters = 0;
  const toolCalls = new Map<number, { id: string; name: string; arguments: string }>();
  for await (const chunk of chunks) {
    const choice = chunk.choices[0];
    const text = choice?.delta?.content;
    if (text) {
      outputCharacters += text.length;
      yield { type: 'text-delta', text };
    }
    for (const fragment of choice?.delta?.tool_calls ?? []) {
      const call = toolCalls.get(fragment.index) ?? { id: '', name: '', arguments: '' };
      toolCalls.set(fragment.index, call);
      if (fragment.id) call.id = fragment.id;
      if (fragment.function?.name) call.name = fragment.function.name;
      call.arguments += fragment.function?.arguments ?? '';
      outputCharacters += fragment.function?.arguments?.length ?? 0;
    }
    if (choice?.finish_reason) finishReason = choice.finish_reason;
    if (chunk.usage) usage = { inputTokens: chunk.usage.prompt_tokens, outputTokens: chunk.usage.completion_tokens };
  }
  if (!finishReason) {
    throw new LlmError(
      'llm_stream_broken',
      'The answer from the OpenAI-compatible server broke off before it was complete.',
      {
        retryable: true,
      },
    );
  }
  for (const [index, call] of toolCalls) {
    // A server that sends no id still needs one, to pair the result with the call.
    const id = call.id || `call_${index}`;
    yield { type: 'tool-call', id, name: call.name, arguments: parseToolArguments(call.arguments) };
  }
  yield {
    type: 'finish',
    // Some compatible servers (Ollama, Gemini's) finish an answer that calls tools with `stop`: the calls decide.
    reason: finishReason === 'length' ? 'length' : toolCalls.size > 0 ? 'tool-calls' : 'stop',
    usage: usage ?? { inputTokens: Math.ceil(promptCharacters / 4), outputTokens: Math.ceil(outputCharacters / 4) },
  };
}

/**
 * OpenAI's streaming Chat Completions through the `openai` SDK. With a base URL
 * it is any OpenAI-compatible server: Ollama, vLLM, LM Studio, llama.cpp's server.
 */
export class OpenAiProvider implements LlmProvider {
  readonly engine: Engine;
  private readonly client: OpenAI;
  private readonly label: string;

  constructor(options: { apiKey: string | undefined; model: string; baseUrl?: string }) {
    this.engine = { provider: 'openai', model: options.model };
    this.label = options.baseUrl ? `The model server at ${new URL(options.baseUrl).host}` : 'OpenAI';
    // Every option explicit: left out, the SDK reads OPENAI_* variables from process.env behind Kiln's back.
    // Local servers need no key, but the SDK insists on one.
    this.client = new OpenAI({
      apiKey: options.apiKey ?? 'not-needed',
      baseURL: options.baseUrl ?? 'https://api.openai.com/v1',
      organization: null,
      project: null,
      webhookSecret: null,
      maxRetries: 0,
      timeout: 10 * 60_000,
    });
  }

  async *stream(request: LlmRequest, signal: AbortSignal): AsyncGenerator<LlmStreamPart> {
    const body = toOpenAiRequest(request, this.engine.model);
    const promptCharacters = body.messages.reduce((sum, message) => sum + String(message.content).length, 0);
    try {
      const chunks = await this.client.chat.completions.create(body, { signal });
      yield* fromOpenAiChunks(chunks, promptCharacters);
    } catch (error) {
      throw this.mapError(error, signal);
    }
  }

  private mapError(error: unknown, signal: AbortSignal): unknown {
    if (signal.aborted) return signal.reason;
    if (error instanceof LlmError) return error;
    if (error instanceof OpenAI.APIConnectionTimeoutError) {
      return new LlmError('llm_timeout', `${this.label} did not answer in time.`, { retryable: true, cause: error });
    }
    if (error instanceof OpenAI.APIError) return llmErrorFromStatus(this.label, error.status, error.headers, error);
    return new LlmError('llm_stream_broken', `The answer from ${this.label} broke off.`, {
      retryable: true,
      cause: error,
    });
  }
}
