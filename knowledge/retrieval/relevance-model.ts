// Written by `npm run eval:abstain -- --fit` (scripts/eval-abstain/fit-relevance.ts); do not edit by hand.
// Logistic weights in each feature's own units (see relevance-scorer.ts), fitted on the `fit` split of
// scripts/eval-abstain/sets; `threshold` is the relevance a chat turn needs to cite a pattern.
export const relevanceModel = {
  weights: {
    vector: 3.6709,
    text: 2.7376,
    fused: 1.4582,
    first: 1.7898,
    lead: 1.2589,
    vectorLead: -1.624,
    textLead: 4.0908,
    coverage: 1.2851,
    aboutCoverage: 1.8659,
    conceptCoverage: 0.455,
    unknownWords: -1.1923,
    technologyMissing: -1.3001,
    technologyUnknown: -0.9461,
    languageConflict: 0.3712,
  },
  intercept: -10.0888,
  threshold: 0.34,
  fitted: {
    on: 'scripts/eval-abstain/sets, split fit',
    questions: 359,
    hits: 1795,
  },
};
