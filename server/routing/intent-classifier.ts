import type { Intent } from '../../protocol/turn-events.ts';
import type { IntentExample } from './intent-examples.ts';
import { intents } from './intent-router.ts';
import type { Signal } from './message-anatomy.ts';
import { messageFeatures } from './message-features.ts';
import { defaultTrainingOptions, SoftmaxClassifier, type TrainingOptions } from './softmax-classifier.ts';

export interface IntentClassification {
  /** The most probable intent and its probability. */
  intent: Intent;
  confidence: number;
  runnerUp: Intent;
  probabilities: Record<Intent, number>;
  /** What pushed the message towards `intent` rather than `runnerUp`, most telling first. */
  evidence: { signals: Signal[]; words: string[] };
}

/** Guesses the intent of a message that has no slash command, with a probability for each intent. */
export interface MessageClassifier {
  classify(text: string): IntentClassification;
}

/** The offline classifier: logistic regression over the features of `messageFeatures`, trained on labelled examples. */
export class IntentClassifier implements MessageClassifier {
  private constructor(private readonly model: SoftmaxClassifier<Intent>) {}

  static train(
    examples: readonly IntentExample[],
    options: TrainingOptions = defaultTrainingOptions,
  ): IntentClassifier {
    const rows = examples.map((example) => ({ features: messageFeatures(example.text), label: example.intent }));
    return new IntentClassifier(SoftmaxClassifier.train(intents, rows, options));
  }

  classify(text: string): IntentClassification {
    const features = messageFeatures(text);
    const probabilities = this.model.probabilities(features);
    const ranked = intents
      .map((intent, index) => ({ intent, probability: probabilities[index]! }))
      .sort((a, b) => b.probability - a.probability);
    const [best, second] = [ranked[0]!, ranked[1]!];
    return {
      intent: best.intent,
      confidence: best.probability,
      runnerUp: second.intent,
      probabilities: Object.fromEntries(ranked.map(({ intent, probability }) => [intent, probability])) as Record<
        Intent,
        number
      >,
      evidence: evidenceFrom(this.model.contributions(features, best.intent, second.intent)),
    };
  }
}

/** Words that carry weight in the model but say nothing to a person reading the reason. */
const quietWords = new Set(
  'a an the is are was were be been am to in of on at as and or for that it its by with from i im my me we our us so do does did these those there here just also than then if but not can could would will should have has had into'.split(
    ' ',
  ),
);

/** The positive contributions a person can read: structural signals, and words or word pairs (character n-grams are left out). */
function evidenceFrom(contributions: { feature: string; weight: number }[]) {
  const positive = contributions.filter((contribution) => contribution.weight > 0.05);
  const signals = positive
    .filter(({ feature }) => feature.startsWith('s:') && !feature.startsWith('s:length-'))
    .slice(0, 2)
    .map(({ feature }) => feature.slice(2) as Signal);
  const words: string[] = [];
  for (const { feature } of positive) {
    const word = /^(w|b|lead):(.+)$/.exec(feature)?.[2]?.replace('_', ' ');
    if (!word || word.split(' ').every((part) => quietWords.has(part) || /^\d+$/.test(part))) continue;
    if (words.some((chosen) => chosen.split(' ').includes(word) || word.split(' ').includes(chosen))) continue;
    words.push(word);
    if (words.length === 3) break;
  }
  return { signals, words };
}
