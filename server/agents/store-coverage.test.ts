import { describe, expect, it } from 'vitest';
import { StoreCoverage } from './store-coverage.ts';

describe('StoreCoverage', () => {
  it('describes the languages and common topics, reading the store at most once a minute', async () => {
    let reads = 0;
    const coverage = new StoreCoverage({
      coverage: async () => {
        reads++;
        return {
          languages: [
            { language: 'typescript', patterns: 3 },
            { language: 'sql', patterns: 1 },
          ],
          tags: ['async', 'security'],
        };
      },
    });
    const sentence = 'It holds 4 patterns in typescript (3), sql (1), on topics such as async, security.';
    expect(await coverage.describe(0)).toBe(sentence);
    expect(await coverage.describe(59_000)).toBe(sentence);
    expect(reads).toBe(1);
    await coverage.describe(61_000);
    expect(reads).toBe(2);
  });

  it('says an empty store is empty, and keeps the last sentence when a read fails', async () => {
    let fail = false;
    const coverage = new StoreCoverage({
      coverage: async () => {
        if (fail) throw new Error('down');
        return { languages: [], tags: [] };
      },
    });
    expect(await coverage.describe(0)).toBe('It holds no patterns yet.');
    fail = true;
    expect(await coverage.describe(120_000)).toBe('It holds no patterns yet.');
  });
});
