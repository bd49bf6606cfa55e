import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './llm-error.ts';
import { costOf } from './pricing.ts';

describe('costOf', () => {
  it('prices known models per million tokens, longest prefix first', () => {
    expect(
      costOf({ provider: 'anthropic', model: 'claude-sonnet-4-5' }, { inputTokens: 1_000_000, outputTokens: 100_000 }),
    ).toEqual({
      inputTokens: 1_000_000,
      outputTokens: 100_000,
      costUsd: 4.5,
    });
    expect(
      costOf({ provider: 'openai', model: 'gpt-4o-mini-2024-07-18' }, { inputTokens: 1_000_000, outputTokens: 0 })
        .costUsd,
    ).toBe(0.15);
  });

  it('is free for the offline engine and local models, unknown (null) for unlisted models', () => {
    expect(costOf({ provider: 'offline', model: 'kiln-offline' }, { inputTokens: 10, outputTokens: 10 }).costUsd).toBe(
      0,
    );
    expect(
      costOf({ provider: 'openai', model: 'llama3.2' }, { inputTokens: 10, outputTokens: 10 }, { local: true }).costUsd,
    ).toBe(0);
    expect(
      costOf({ provider: 'openai', model: 'some-hosted-model' }, { inputTokens: 10, outputTokens: 10 }).costUsd,
    ).toBeNull();
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, capped at a minute', () => {
    expect(parseRetryAfter('2')).toBe(2_000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 5_000)).toBe(5_000);
    expect(parseRetryAfter('3600')).toBe(60_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
