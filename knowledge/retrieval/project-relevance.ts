import type { RelevanceFeatures } from './relevance-scorer.ts';

/**
 * The signals a project hit's relevance is computed from, named as the global scorer's (relevance-scorer.ts) so
 * one logistic fit serves both (scripts/eval-abstain/fit-relevance.ts):
 *
 * - `coverage`, `aboutCoverage`: the rarity-weighted share of the question's words that the file's whole text, or
 *   what it says of itself (path, title, doc comments, README notes), holds;
 * - `vector`: the best cosine of the file's patterns;
 * - `first`: the file is the search's best; `lead`: log ratio of its score to the next file's (best only);
 * - `textLead`: its score as a share of the best file's (1 for the best);
 * - `unknownWords`: the rarity-weighted share of the question's words no file of the project holds.
 */
export const projectRelevanceFeatureNames = [
  'coverage',
  'aboutCoverage',
  'vector',
  'first',
  'lead',
  'textLead',
  'unknownWords',
] as const satisfies readonly (keyof RelevanceFeatures)[];

export type ProjectRelevanceFeatures = Record<(typeof projectRelevanceFeatureNames)[number], number>;

export interface ProjectRelevanceModel {
  weights: ProjectRelevanceFeatures;
  intercept: number;
}

/** The logistic of the weighted features: roughly the probability that the hit answers the question. */
export function projectRelevance(features: ProjectRelevanceFeatures, model: ProjectRelevanceModel): number {
  let sum = model.intercept;
  for (const name of projectRelevanceFeatureNames) sum += model.weights[name] * features[name];
  return Math.round((1 / (1 + Math.exp(-sum))) * 10_000) / 10_000;
}
