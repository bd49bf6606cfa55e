import { relevanceFeatureNames, type RelevanceFeatures } from '../../knowledge/retrieval/relevance-scorer.ts';
import {
  projectRelevance,
  projectRelevanceFeatureNames,
  type ProjectRelevanceFeatures,
  type ProjectRelevanceModel,
} from '../../knowledge/retrieval/project-relevance.ts';
import { fitLogistic } from '../eval-abstain/fit-relevance.ts';

/** The hits of one search, each labelled 1 when it is the file that answers the question (none for out of scope). */
export interface LabelledSearch {
  hits: { features: ProjectRelevanceFeatures; label: 0 | 1 }[];
  inScope: boolean;
}

/**
 * Fits the project-hit relevance model on labelled searches: the L2 logistic regression of eval:abstain (the
 * project features share the global scorer's names; the others stay 0 and get no weight), then the intercept is
 * lowered or raised in steps of 0.25 to the value that cites the right first hit most often while out-of-scope
 * searches citing anything stay at or under `maxOutOfScope`.
 */
export function fitProjectRelevance(
  searches: LabelledSearch[],
  threshold: number,
  maxOutOfScope = 0.08,
): { model: ProjectRelevanceModel; cited: number; outOfScope: number } {
  const rows = searches.flatMap((search) =>
    search.hits.map((hit) => ({
      features: Object.fromEntries(
        relevanceFeatureNames.map((name) => [name, (hit.features as Partial<RelevanceFeatures>)[name] ?? 0]),
      ) as RelevanceFeatures,
      label: hit.label,
    })),
  );
  const fitted = fitLogistic(rows);
  const weights = Object.fromEntries(
    projectRelevanceFeatureNames.map((name) => [name, fitted.weights[name]]),
  ) as ProjectRelevanceFeatures;
  const judge = (intercept: number) => {
    const model = { weights, intercept };
    const inScope = searches.filter((search) => search.inScope);
    const outOfScope = searches.filter((search) => !search.inScope);
    const cited = inScope.filter(
      (search) => search.hits[0]?.label === 1 && projectRelevance(search.hits[0].features, model) >= threshold,
    ).length;
    const wrong = outOfScope.filter((search) =>
      search.hits.some((hit) => projectRelevance(hit.features, model) >= threshold),
    ).length;
    return { model, cited: cited / Math.max(1, inScope.length), outOfScope: wrong / Math.max(1, outOfScope.length) };
  };
  let best = judge(fitted.intercept);
  for (let shift = -4; shift <= 4; shift += 0.25) {
    const candidate = judge(Math.round((fitted.intercept + shift) * 10_000) / 10_000);
    if (
      candidate.outOfScope <= maxOutOfScope &&
      (best.outOfScope > maxOutOfScope ||
        candidate.cited > best.cited ||
        (candidate.cited === best.cited && candidate.outOfScope < best.outOfScope))
    )
      best = candidate;
  }
  return best;
}
