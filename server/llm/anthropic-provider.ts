import Anthropic from '@anthropic-ai/sdk';
import type { Engine } from '../../protocol/turn-events.ts';
import { systemPromptWithGrounding } from './grounding-prompt.ts';
import { LlmError, llmErrorFromStatus } from './llm-error.ts';
import type { LlmProvider, LlmRequest, LlmStreamPart } from './llm-provider.ts';

type StreamEvent = Anthropic.Messages.RawMessageStreamEvent;

/** The Messages API request for a Kiln request (pure; tested without a network). */
export function toAnthropicRequest(
  request: LlmRequest,
  model: string,
): Anthropic.Messages.MessageCreateParamsStreaming {
  return {
    model,
    max_tokens: request.maxOutputTokens,
    system: systemPromptWithGrounding(request),
    messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
    stream: true,
  };
}

/**
 * Turns the Messages API event stream (`message_start`, `content_block_delta`,
 * `message_delta`, `message_stop`) into stream parts. A stream that ends
 * without `message_stop` was cut off, and says so instead of passing as complete.
 */
export async function* fromAnthropicEvents(events: AsyncIterable<StreamEvent>): AsyncGenerator<LlmStreamPart> {
  let inputTokens = 0;
  let outputTokens = 0;
  let stopReason: string | null = null;
  for await (const event of events) {
    switch (event.type) {
      case 'message_start':
        inputTokens = event.message.usage.input_tokens;
        outputTokens = event.message.usage.output_tokens;
        break;
      case 'content_block_delta':
        if (event.delta.type === 'text_delta' && event.delta.text) yield { type: 'text-delta', text: event.delta.text };
        break;
      case 'message_delta':
        stopReason = event.delta.stop_reason ?? stopReason;
        outputTokens = event.usage.output_tokens;
        if (event.usage.input_tokens) inputTokens = event.usage.input_tokens;
        break;
      case 'message_stop':
        yield {
          type: 'finish',
          reason: stopReason === 'max_tokens' ? 'length' : 'stop',
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
