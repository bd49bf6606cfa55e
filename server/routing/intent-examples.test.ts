import { describe, expect, it } from 'vitest';
import { loadIntentExamples, parseIntentExamples } from './intent-examples.ts';
import { intents } from './intent-router.ts';

describe('parseIntentExamples', () => {
  it('reads examples with multi-line text and skips the header comment', () => {
    const file = 'a comment\n\n=== debug\nit fails:\n\n  at main (a.js:1:1)\n\n=== smalltalk\nhi\n';
    expect(parseIntentExamples(file, 'x.txt')).toEqual([
      { intent: 'debug', text: 'it fails:\n\n  at main (a.js:1:1)', line: 3 },
      { intent: 'smalltalk', text: 'hi', line: 8 },
    ]);
  });

  it('names the file and line of an unknown intent or an empty example', () => {
    expect(() => parseIntentExamples('=== poetry\nroses', 'x.txt')).toThrow('x.txt:1: "poetry" is not an intent');
    expect(() => parseIntentExamples('=== ask\n\n=== ask\nwhy?', 'x.txt')).toThrow('x.txt:1: the example has no text.');
  });
});

describe('the dataset', () => {
  const training = loadIntentExamples('training');
  const heldOut = loadIntentExamples('held-out');

  it('covers every intent, in training and in the held-out split', () => {
    expect(training.length).toBeGreaterThanOrEqual(700);
    for (const intent of intents) {
      expect(training.filter((example) => example.intent === intent).length, intent).toBeGreaterThanOrEqual(100);
      expect(heldOut.filter((example) => example.intent === intent).length, intent).toBeGreaterThanOrEqual(30);
    }
  });

  it('never trains on a held-out message', () => {
    const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
    const trained = new Set(training.map((example) => normalise(example.text)));
    expect(heldOut.filter((example) => trained.has(normalise(example.text))).map((example) => example.line)).toEqual(
      [],
    );
  });
});
