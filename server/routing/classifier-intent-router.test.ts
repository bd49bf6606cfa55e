import { beforeAll, describe, expect, it } from 'vitest';
import type { Intent } from '../../protocol/turn-events.ts';
import { ClassifierIntentRouter, minimumConfidence } from './classifier-intent-router.ts';
import { IntentClassifier, type IntentClassification } from './intent-classifier.ts';
import { loadIntentExamples } from './intent-examples.ts';
import { intents } from './intent-router.ts';

let classifier: IntentClassifier;
let router: ClassifierIntentRouter;

beforeAll(() => {
  classifier = IntentClassifier.train(loadIntentExamples('training'));
  router = new ClassifierIntentRouter(classifier);
});

// Written for this test: none of them is in the training or held-out set.
const clearExamples: Record<Intent, string> = {
  ask: "What's the difference between a HashSet and a TreeSet in Java?",
  generate: 'Write a Python function that converts Celsius to Fahrenheit, with a docstring.',
  review:
    'Please review this for security problems:\n```js\nconst user = await db.query(`SELECT * FROM users WHERE id = ${req.params.id}`);\n```',
  debug:
    'My import job dies with this, what\'s wrong?\n```\nTraceback (most recent call last):\n  File "etl.py", line 42, in load\n    rows = json.loads(body)\njson.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)\n```',
  migrate: 'We need to upgrade our Rails 6.1 app to Rails 7.1. What breaks?',
  tool: 'show me the files in ~/projects/shop/src',
  smalltalk: 'thanks a bunch, that did it!',
};

describe('ClassifierIntentRouter', () => {
  it.each(intents)('classifies a clear %s message, with a confidence and a reason', async (intent) => {
    const { decision, text } = await router.route(clearExamples[intent]);
    expect(decision).toMatchObject({ intent, via: 'classifier' });
    expect(decision.confidence).toBeGreaterThanOrEqual(minimumConfidence);
    expect(decision.confidence).toBeLessThanOrEqual(1);
    expect(decision.reason.length).toBeGreaterThan(5);
    expect(text).toBe(clearExamples[intent]);
  });

  it('gives reasons that name what it saw', async () => {
    expect((await router.route(clearExamples.debug)).decision.reason).toContain('stack trace');
    expect((await router.route(clearExamples.tool)).decision.reason).toContain('path');
    expect((await router.route(clearExamples.migrate)).decision.reason).toMatch(/version/);
  });

  it('lets a slash command decide, and answers the text without it', async () => {
    const { decision, text } = await router.route('/review thanks for the help!');
    expect(decision).toEqual({
      intent: 'review',
      confidence: 1,
      via: 'rule',
      reason: 'the message starts with /review',
    });
    expect(text).toBe('thanks for the help!');
    expect((await router.route('/code hi')).decision.intent).toBe('generate');
    expect((await router.route('/chat write a Go web server')).decision.intent).toBe('smalltalk');
  });

  it("puts the user's own choice above slash commands and the classifier", async () => {
    const chosen = await router.route('/review list the files in /tmp', 'tool');
    expect(chosen.decision).toMatchObject({ intent: 'tool', confidence: 1, via: 'user' });
    expect(chosen.text).toBe('list the files in /tmp');
    expect((await router.route(clearExamples.smalltalk, 'debug')).decision).toMatchObject({
      intent: 'debug',
      via: 'user',
    });
  });

  it('falls back to ask, and says so, when the best guess is below the threshold', async () => {
    const unsure: IntentClassification = {
      intent: 'generate',
      confidence: 0.31,
      runnerUp: 'tool',
      probabilities: { generate: 0.31, tool: 0.3, ask: 0.2, review: 0.1, debug: 0.05, migrate: 0.03, smalltalk: 0.01 },
      evidence: { signals: [], words: ['make'] },
    };
    const { decision } = await new ClassifierIntentRouter({ classify: () => unsure }).route('make it so');
    expect(decision).toMatchObject({ intent: 'ask', confidence: 0.2, via: 'classifier' });
    expect(decision.reason).toMatch(/not sure.*generate at 31 %.*ask agent/);

    const strict = new ClassifierIntentRouter(classifier, 0.999_999);
    expect((await strict.route('Could you help with the cache thing from earlier')).decision).toMatchObject({
      intent: 'ask',
      via: 'classifier',
    });
  });

  it('is deterministic: training twice gives the same answers, and so does asking twice', async () => {
    const again = IntentClassifier.train(loadIntentExamples('training'));
    for (const message of Object.values(clearExamples)) {
      expect(again.classify(message)).toEqual(classifier.classify(message));
      expect(await router.route(message)).toEqual(await router.route(message));
    }
  });

  it('returns probabilities over every intent that sum to 1', () => {
    const { probabilities, confidence, intent } = classifier.classify('how do I reverse a list in Python?');
    expect(Object.keys(probabilities).sort()).toEqual([...intents].sort());
    expect(Object.values(probabilities).reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 9);
    expect(confidence).toBe(Math.max(...Object.values(probabilities)));
    expect(probabilities[intent]).toBe(confidence);
  });
});
