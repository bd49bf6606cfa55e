import type { Engine, Usage } from '../../protocol/turn-events.ts';
import type { TokenUsage } from './llm-provider.ts';

/** US dollars per million tokens, input and output, as published by the vendors. Prefix match on the model id. */
const pricePerMillionTokens: [prefix: string, input: number, output: number][] = [
  ['claude-opus-4', 15, 75],
  ['claude-sonnet-4', 3, 15],
  ['claude-3-7-sonnet', 3, 15],
  ['claude-3-5-sonnet', 3, 15],
  ['claude-haiku-4', 1, 5],
  ['claude-3-5-haiku', 0.8, 4],
  ['gpt-4o-mini', 0.15, 0.6],
  ['gpt-4o', 2.5, 10],
  ['gpt-4.1-nano', 0.1, 0.4],
  ['gpt-4.1-mini', 0.4, 1.6],
  ['gpt-4.1', 2, 8],
  ['gpt-5-nano', 0.05, 0.4],
  ['gpt-5-mini', 0.25, 2],
  ['gpt-5', 1.25, 10],
  ['o4-mini', 1.1, 4.4],
  ['o3', 2, 8],
];

/**
 * The cost of a call: 0 for the offline engine and for models served locally
 * (`local: true`), null when the model is not in the table.
 */
export function costOf(engine: Engine, usage: TokenUsage, options: { local?: boolean } = {}): Usage {
  const base = { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens };
  if (engine.provider === 'offline' || options.local) return { ...base, costUsd: 0 };
  // Longest prefix first, so 'gpt-4o-mini' is not priced as 'gpt-4o'.
  const price = [...pricePerMillionTokens]
    .sort((a, b) => b[0].length - a[0].length)
    .find(([prefix]) => engine.model.startsWith(prefix));
  if (!price) return { ...base, costUsd: null };
  const [, input, output] = price;
  const cost = (usage.inputTokens * input + usage.outputTokens * output) / 1_000_000;
  return { ...base, costUsd: Math.round(cost * 1e8) / 1e8 };
}
