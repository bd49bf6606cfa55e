import { describe, expect, it } from 'vitest';
import type { Intent } from '../../protocol/turn-events.ts';
import { ClassifierIntentRouter } from './classifier-intent-router.ts';
import type { IntentClassification, MessageClassifier } from './intent-classifier.ts';

/** A classifier sure of one intent whatever it reads, so only a rule can route elsewhere. */
function sureOf(intent: Intent): MessageClassifier & { seen: string[] } {
  const seen: string[] = [];
  const probabilities = { ask: 0, generate: 0, review: 0, debug: 0, migrate: 0, tool: 0, smalltalk: 0, [intent]: 0.9 };
  return {
    seen,
    classify(text): IntentClassification {
      seen.push(text);
      return { intent, confidence: 0.9, runnerUp: 'ask', probabilities, evidence: { signals: [], words: [] } };
    },
  };
}

const pastedRun = 'run this\n```ts\nexport const add = (a: number, b: number) => a + b;\nconsole.log(add(1, 2));\n```';

describe('ClassifierIntentRouter: pasted code asked to be run', () => {
  it('routes it to a code session (generate) by rule, whatever the classifier thinks, and answers the whole message', async () => {
    const classifier = sureOf('review');
    const { decision, text } = await new ClassifierIntentRouter(classifier).route(pastedRun);
    expect(decision).toMatchObject({ intent: 'generate', via: 'rule' });
    expect(decision.confidence).toBeGreaterThan(0.9);
    expect(decision.confidence).toBeLessThan(1);
    expect(decision.reason).toMatch(/run/);
    expect(text).toBe(pastedRun);
    expect(classifier.seen).toEqual([]);
  });

  it('leaves pasted code that is not asked to be run to the classifier', async () => {
    const { decision } = await new ClassifierIntentRouter(sureOf('review')).route(
      'review this please\n```ts\nexport const add = (a: number, b: number) => a + b;\n```',
    );
    expect(decision).toMatchObject({ intent: 'review', via: 'classifier' });
  });

  it('lets a slash command win over the rule', async () => {
    const { decision, text } = await new ClassifierIntentRouter(sureOf('ask')).route(`/review ${pastedRun}`);
    expect(decision).toEqual({
      intent: 'review',
      confidence: 1,
      via: 'rule',
      reason: 'the message starts with /review',
    });
    expect(text).toBe(pastedRun);
  });

  it("lets the user's own choice win over the rule", async () => {
    const { decision, text } = await new ClassifierIntentRouter(sureOf('ask')).route(pastedRun, 'debug');
    expect(decision).toMatchObject({ intent: 'debug', confidence: 1, via: 'user' });
    expect(text).toBe(pastedRun);
  });
});
