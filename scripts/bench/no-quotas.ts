/**
 * Every per-user quota off (0), for a measurement that drives Kiln as one user: the quotas would refuse its load.
 * They have their own tests (tests/integration/quotas.test.ts).
 */
export const noQuotas = {
  KILN_QUOTA_REQUESTS_PER_MINUTE: '0',
  KILN_QUOTA_CONCURRENT_TURNS: '0',
  KILN_QUOTA_RUNS_PER_HOUR: '0',
  KILN_QUOTA_TOKENS_PER_DAY: '0',
};
