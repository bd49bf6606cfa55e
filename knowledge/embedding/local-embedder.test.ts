import { describe, expect, it } from 'vitest';
import { splitIdentifier, splitIdentifiers } from '../patterns/identifiers.ts';
import { fitDocumentFrequencies, LocalEmbedder, stemsOf } from './local-embedder.ts';
import { stem } from './stem.ts';

const cosine = (a: number[], b: number[]) => a.reduce((sum, value, index) => sum + value * b[index]!, 0);

describe('stem', () => {
  it('brings word forms together', () => {
    expect(new Set(['caching', 'cached', 'caches', 'cache'].map(stem))).toEqual(new Set(['cach']));
    expect(new Set(['retries', 'retried', 'retry'].map(stem))).toEqual(new Set(['retry']));
    expect(stem('stopped')).toBe(stem('stop'));
    expect(stem('class')).toBe('class');
  });
});

describe('identifiers', () => {
  it('splits camelCase, PascalCase, acronyms and snake_case', () => {
    expect(splitIdentifier('getHTTPResponse_v2')).toEqual(['get', 'http', 'response', 'v2']);
    expect(splitIdentifiers('const retryWithBackoff = (max_attempts) => fetchJson(url)')).toEqual(
      expect.arrayContaining(['retry', 'backoff', 'max', 'attempts', 'fetch', 'json', 'url']),
    );
  });

  it('drops stop words when reading text', () => {
    expect(stemsOf('How do I parse a CSV file?')).toEqual(['pars', 'csv', 'fil']);
  });
});

describe('LocalEmbedder', () => {
  const embedder = new LocalEmbedder(256);

  it('is deterministic, of the stated dimension, and unit length', async () => {
    const [first, second] = await embedder.embed(['retry a flaky request', 'retry a flaky request']);
    expect(first).toEqual(second);
    expect(first).toHaveLength(256);
    expect(Math.sqrt(cosine(first!, first!))).toBeCloseTo(1, 10);
  });

  it('puts different words for one idea closer than unrelated text', async () => {
    const [question, related, unrelated] = await embedder.embed([
      'the call fails intermittently, try it again after a pause',
      'retry with exponential backoff on transient errors',
      'convert a heading into a url slug',
    ]);
    expect(cosine(question!, related!)).toBeGreaterThan(cosine(question!, unrelated!) + 0.1);
  });

  it('weighs rare words above common ones once it knows document frequencies', async () => {
    const documents = ['debounce a function', 'throttle a function', 'memoize a function', 'curry a function'];
    const weighted = new LocalEmbedder(256, fitDocumentFrequencies(documents));
    const [question, debounce, throttle] = await weighted.embed(['debounce function', ...documents.slice(0, 2)]);
    const [plainQuestion, plainDebounce, plainThrottle] = await embedder.embed([
      'debounce function',
      ...documents.slice(0, 2),
    ]);
    const margin = cosine(question!, debounce!) - cosine(question!, throttle!);
    const plainMargin = cosine(plainQuestion!, plainDebounce!) - cosine(plainQuestion!, plainThrottle!);
    expect(margin).toBeGreaterThan(plainMargin);
    expect(weighted.id).toMatch(/^kiln-local-hash-v2-256-idf[0-9a-z]+$/);
    expect(weighted.id).not.toBe(new LocalEmbedder(256, fitDocumentFrequencies(documents.slice(1))).id);
  });
});
