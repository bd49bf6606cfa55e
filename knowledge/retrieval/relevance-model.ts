// Written by `npm run eval:abstain -- --fit` (scripts/eval-abstain/fit-relevance.ts); do not edit by hand.
// Logistic weights in each feature's own units (see relevance-scorer.ts), fitted on the `fit` split of
// scripts/eval-abstain/sets; `threshold` is the relevance a chat turn needs to cite a pattern.
export const relevanceModel = {
  weights: {
    vector: 3.6676,
    text: 2.7365,
    fused: 1.4567,
    first: 1.7897,
    lead: 1.2585,
    vectorLead: -1.6237,
    textLead: 4.0904,
    coverage: 1.2988,
    aboutCoverage: 1.8588,
    conceptCoverage: 0.4547,
    unknownWords: -1.1902,
    technologyMissing: -1.3002,
    technologyUnknown: -0.9463,
    languageConflict: 0.3707,
  },
  intercept: -10.088,
  threshold: 0.34,
  fitted: {
    on: 'scripts/eval-abstain/sets, split fit',
    questions: 359,
    hits: 1795,
  },
};
