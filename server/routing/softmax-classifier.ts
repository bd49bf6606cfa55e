import type { Features } from './message-features.ts';

export interface TrainingOptions {
  /** Passes over the examples. */
  epochs: number;
  /** AdaGrad's base step. */
  learningRate: number;
  /** L2 penalty, applied to the weights an example touches. */
  l2: number;
  /** A feature must appear in at least this many examples to get weights. */
  minimumCount: number;
  /** Seeds the (deterministic) order the examples are visited in. */
  seed: number;
}

export const defaultTrainingOptions: TrainingOptions = {
  epochs: 20,
  learningRate: 0.2,
  l2: 1e-4,
  minimumCount: 2,
  seed: 7,
};

/**
 * Multinomial logistic regression over sparse named features, trained with
 * AdaGrad on a seeded order: the same examples and options always give the
 * same weights, so the same message always gets the same answer.
 */
export class SoftmaxClassifier<Label extends string> {
  private constructor(
    readonly labels: readonly Label[],
    private readonly vocabulary: Map<string, number>,
    /** Row-major: feature × label. */
    private readonly weights: Float64Array,
    private readonly bias: Float64Array,
  ) {}

  static train<Label extends string>(
    labels: readonly Label[],
    examples: readonly { features: Features; label: Label }[],
    options: TrainingOptions = defaultTrainingOptions,
  ): SoftmaxClassifier<Label> {
    const counts = new Map<string, number>();
    for (const { features } of examples)
      for (const name of features.keys()) counts.set(name, (counts.get(name) ?? 0) + 1);
    const vocabulary = new Map<string, number>();
    for (const [name, count] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (count >= options.minimumCount) vocabulary.set(name, vocabulary.size);
    }
    const classes = labels.length;
    const rows = examples.map(({ features, label }) => ({
      ...sparse(vocabulary, features),
      label: labels.indexOf(label),
    }));
    if (rows.some((row) => row.label < 0))
      throw new Error('A training example has a label outside the classifier’s labels.');

    const weights = new Float64Array(vocabulary.size * classes);
    const bias = new Float64Array(classes);
    const weightSquares = new Float64Array(weights.length).fill(1e-8);
    const biasSquares = new Float64Array(classes).fill(1e-8);
    const classifier = new SoftmaxClassifier(labels, vocabulary, weights, bias);
    const random = seededRandom(options.seed);
    const order = rows.map((_, index) => index);
    const error = new Float64Array(classes);
    for (let epoch = 0; epoch < options.epochs; epoch += 1) {
      shuffle(order, random);
      for (const index of order) {
        const row = rows[index]!;
        const probabilities = classifier.probabilitiesOf(row.indices, row.values);
        for (let k = 0; k < classes; k += 1) error[k] = probabilities[k]! - (k === row.label ? 1 : 0);
        for (let k = 0; k < classes; k += 1) {
          biasSquares[k]! += error[k]! ** 2;
          bias[k]! -= (options.learningRate * error[k]!) / Math.sqrt(biasSquares[k]!);
        }
        for (let position = 0; position < row.indices.length; position += 1) {
          const base = row.indices[position]! * classes;
          const value = row.values[position]!;
          for (let k = 0; k < classes; k += 1) {
            const gradient = error[k]! * value + options.l2 * weights[base + k]!;
            weightSquares[base + k]! += gradient * gradient;
            weights[base + k]! -= (options.learningRate * gradient) / Math.sqrt(weightSquares[base + k]!);
          }
        }
      }
    }
    return classifier;
  }

  /** The probability of each label, in the order of `labels`; they sum to 1. */
  probabilities(features: Features): number[] {
    const { indices, values } = sparse(this.vocabulary, features);
    return this.probabilitiesOf(indices, values);
  }

  /**
   * How much each known feature pushed `label` above `other` (positive: towards
   * `label`), largest first. This is what routing reasons are made of.
   */
  contributions(features: Features, label: Label, other: Label): { feature: string; weight: number }[] {
    const classes = this.labels.length;
    const [k, j] = [this.labels.indexOf(label), this.labels.indexOf(other)];
    const result = [];
    for (const [name, value] of features) {
      const index = this.vocabulary.get(name);
      if (index === undefined) continue;
      result.push({
        feature: name,
        weight: value * (this.weights[index * classes + k]! - this.weights[index * classes + j]!),
      });
    }
    return result.sort((a, b) => b.weight - a.weight || (a.feature < b.feature ? -1 : 1));
  }

  private probabilitiesOf(indices: Int32Array, values: Float64Array): number[] {
    const classes = this.labels.length;
    const scores = Array.from(this.bias);
    for (let position = 0; position < indices.length; position += 1) {
      const base = indices[position]! * classes;
      for (let k = 0; k < classes; k += 1) scores[k]! += this.weights[base + k]! * values[position]!;
    }
    const top = Math.max(...scores);
    const exponentials = scores.map((score) => Math.exp(score - top));
    const total = exponentials.reduce((sum, value) => sum + value, 0);
    return exponentials.map((value) => value / total);
  }
}

function sparse(vocabulary: Map<string, number>, features: Features) {
  const known = [...features].filter(([name]) => vocabulary.has(name));
  return {
    indices: Int32Array.from(known, ([name]) => vocabulary.get(name)!),
    values: Float64Array.from(known, ([, value]) => value),
  };
}

/** Mulberry32: a tiny seeded generator, so training is reproducible. */
function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function shuffle(order: number[], random: () => number) {
  for (let index = order.length - 1; index > 0; index -= 1) {
    const swap = Math.floor(random() * (index + 1));
    [order[index], order[swap]] = [order[swap]!, order[index]!];
  }
}
