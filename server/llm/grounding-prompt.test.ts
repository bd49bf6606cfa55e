import { describe, expect, it } from 'vitest';
import { composeOfflineAnswer } from './offline-engine.ts';
import { nothingRelevantNote, systemPromptWithGrounding } from './grounding-prompt.ts';

const request = {
  system: 'You are Kiln.',
  messages: [{ role: 'user' as const, content: 'What is a borrow checker?' }],
  maxOutputTokens: 100,
};

describe('a turn whose store search found nothing relevant', () => {
  it('tells a model so, instead of handing it patterns', () => {
    const prompt = systemPromptWithGrounding({ ...request, grounding: [], nothingRelevant: {} });
    expect(prompt).toBe(`You are Kiln.\n\n${nothingRelevantNote}`);
    expect(prompt).not.toContain('[1]');
    // Without a search (no store), the prompt is Kiln's instructions alone.
    expect(systemPromptWithGrounding({ ...request, grounding: [] })).toBe('You are Kiln.');
  });

  it('has the offline engine say plainly that the store has nothing on it, what it covers, and how to get a model', () => {
    const answer = composeOfflineAnswer({
      ...request,
      grounding: [],
      nothingRelevant: { storeCovers: 'It holds 3 patterns in typescript (3), on topics such as async.' },
    });
    expect(answer).toContain(
      "Kiln's pattern store has nothing on this: no stored pattern answers “What is a borrow checker?”",
    );
    expect(answer).toContain('It holds 3 patterns in typescript (3), on topics such as async.');
    expect(answer).toContain('configure a model');
    expect(answer).not.toContain('closest');
  });
});
