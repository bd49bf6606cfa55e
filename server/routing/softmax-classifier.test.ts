import { describe, expect, it } from 'vitest';
import { SoftmaxClassifier } from './softmax-classifier.ts';

const features = (...names: string[]) => new Map(names.map((name) => [name, 1]));
const examples = [
  ...Array.from({ length: 5 }, () => ({ features: features('w:hello', 'w:there'), label: 'greeting' as const })),
  ...Array.from({ length: 5 }, () => ({ features: features('w:error', 'w:there'), label: 'problem' as const })),
];

describe('SoftmaxClassifier', () => {
  const model = SoftmaxClassifier.train(['greeting', 'problem'], examples);

  it('learns which features point to which label', () => {
    const [greeting, problem] = model.probabilities(features('w:hello'));
    expect(greeting).toBeGreaterThan(0.8);
    expect(greeting! + problem!).toBeCloseTo(1, 12);
    expect(model.probabilities(features('w:error'))[1]).toBeGreaterThan(0.8);
  });

  it('is unsure about a feature both labels share, and ignores features it never saw', () => {
    const [greeting] = model.probabilities(features('w:there', 'w:unseen'));
    expect(greeting).toBeGreaterThan(0.3);
    expect(greeting).toBeLessThan(0.7);
  });

  it('explains a decision by the features that pushed it', () => {
    const [top] = model.contributions(features('w:hello', 'w:there'), 'greeting', 'problem');
    expect(top?.feature).toBe('w:hello');
    expect(top?.weight).toBeGreaterThan(0);
  });

  it('needs a feature in at least `minimumCount` examples to learn from it', () => {
    const rare = SoftmaxClassifier.train(
      ['greeting', 'problem'],
      [...examples, { features: features('w:once'), label: 'problem' }],
    );
    expect(rare.contributions(features('w:once'), 'problem', 'greeting')).toEqual([]);
  });

  it('gives the same weights on every training run', () => {
    const again = SoftmaxClassifier.train(['greeting', 'problem'], examples);
    expect(again.probabilities(features('w:hello', 'w:error'))).toEqual(
      model.probabilities(features('w:hello', 'w:error')),
    );
  });
});
