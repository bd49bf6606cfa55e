import { writeFile } from 'node:fs/promises';
import prettier from 'prettier';
import { fileURLToPath } from 'node:url';
import { relevanceFeatureNames, type RelevanceFeatures } from '../../knowledge/retrieval/relevance-scorer.ts';
import type { relevanceModel } from '../../knowledge/retrieval/relevance-model.ts';

export interface LabelledHit {
  features: RelevanceFeatures;
  /** 1 when the hit is the pattern that answers its question. */
  label: 0 | 1;
}

type Model = typeof relevanceModel;

/**
 * L2-regularised logistic regression by batch gradient descent on standardised features, answered in the
 * features' own units. Written here because it is thirty lines and runs once, offline, on a few hundred rows;
 * no library is needed at run time (the model is a weighted sum).
 */
export function fitLogistic(hits: LabelledHit[], { lambda = 0.01, iterations = 4000, rate = 0.5 } = {}) {
  const names = relevanceFeatureNames;
  const rows = hits.map((hit) => names.map((name) => hit.features[name]));
  const mean = names.map((_, i) => rows.reduce((sum, row) => sum + row[i]!, 0) / rows.length);
  const spread = names.map(
    (_, i) => Math.sqrt(rows.reduce((sum, row) => sum + (row[i]! - mean[i]!) ** 2, 0) / rows.length) || 1,
  );
  const standard = rows.map((row) => row.map((value, i) => (value - mean[i]!) / spread[i]!));
  let weights = names.map(() => 0);
  let bias = 0;
  for (let iteration = 0; iteration < iterations; iteration++) {
    const gradient = names.map(() => 0);
    let biasGradient = 0;
    standard.forEach((row, index) => {
      const error =
        1 / (1 + Math.exp(-(bias + row.reduce((sum, value, i) => sum + value * weights[i]!, 0)))) - hits[index]!.label;
      row.forEach((value, i) => (gradient[i]! += error * value));
      biasGradient += error;
    });
    weights = weights.map((weight, i) => weight - rate * (gradient[i]! / rows.length + lambda * weight));
    bias -= (rate * biasGradient) / rows.length;
  }
  const raw = weights.map((weight, i) => weight / spread[i]!);
  return {
    weights: Object.fromEntries(names.map((name, i) => [name, round(raw[i]!)])) as Model['weights'],
    intercept: round(bias - raw.reduce((sum, weight, i) => sum + weight * mean[i]!, 0)),
  };
}

/** Writes knowledge/retrieval/relevance-model.ts, formatted as `npm test`'s format check wants it. */
export async function writeModel(model: Model): Promise<string> {
  const file = fileURLToPath(new URL('../../knowledge/retrieval/relevance-model.ts', import.meta.url));
  const source =
    `// Written by \`npm run eval:abstain -- --fit\` (scripts/eval-abstain/fit-relevance.ts); do not edit by hand.\n` +
    `// Logistic weights in each feature's own units (see relevance-scorer.ts), fitted on the \`fit\` split of\n` +
    `// scripts/eval-abstain/sets; \`threshold\` is the relevance a chat turn needs to cite a pattern.\n` +
    `export const relevanceModel = ${JSON.stringify(model, null, 2)};\n`;
  await writeFile(file, await prettier.format(source, { ...(await prettier.resolveConfig(file)), filepath: file }));
  return file;
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;
