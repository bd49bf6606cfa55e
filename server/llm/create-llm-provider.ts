import type { LlmSettings } from '../../platform/config/config.ts';
import { AnthropicProvider } from './anthropic-provider.ts';
import type { LlmProvider } from './llm-provider.ts';
import { OfflineEngine } from './offline-engine.ts';
import { OpenAiProvider } from './openai-provider.ts';
import { resilientProvider, type ResilienceOptions } from './resilient-provider.ts';

/** The provider the configuration selects, wrapped with retries before the first token and timeouts. */
export function createLlmProvider(settings: LlmSettings, resilience: ResilienceOptions = {}): LlmProvider {
  switch (settings.provider) {
    case 'offline':
      return new OfflineEngine();
    case 'anthropic':
      return resilientProvider(
        new AnthropicProvider({ apiKey: settings.apiKey, model: settings.model, baseUrl: settings.baseUrl }),
        resilience,
      );
    case 'openai':
      return resilientProvider(
        new OpenAiProvider({ apiKey: settings.apiKey, model: settings.model, baseUrl: settings.baseUrl }),
        resilience,
      );
  }
}

/** Whether the model runs on this machine (its tokens cost nothing). */
export function isLocalEndpoint(baseUrl: string | undefined): boolean {
  if (!baseUrl) return false;
  const host = new URL(baseUrl).hostname;
  return host === 'localhost' || host === '::1' || host === '[::1]' || host.startsWith('127.');
}
