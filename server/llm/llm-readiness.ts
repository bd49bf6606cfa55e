import type { LlmSettings } from '../../platform/config/config.ts';
import type { ReadinessCheck } from '../../platform/infrastructure/readiness.ts';

/**
 * What answers chat turns. No network call: `/ready` is polled often, and a
 * provider's health shows in the turns themselves. The offline engine is
 * always available, so this check never blocks readiness.
 */
export function llmReadinessCheck(settings: LlmSettings): ReadinessCheck {
  return {
    name: 'llm',
    required: false,
    async run() {
      switch (settings.provider) {
        case 'offline':
          return {
            ok: true,
            detail:
              'offline engine (no model configured: set ANTHROPIC_API_KEY, OPENAI_API_KEY or OPENAI_BASE_URL to use one)',
          };
        case 'anthropic':
          return {
            ok: true,
            detail: `Anthropic${settings.baseUrl ? ` at ${settings.baseUrl}` : ''}, model ${settings.model}`,
          };
        case 'openai':
          return {
            ok: true,
            detail: `OpenAI-compatible at ${settings.baseUrl ?? 'https://api.openai.com/v1'}, model ${settings.model}`,
          };
      }
    },
  };
}
