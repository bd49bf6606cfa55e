DO $$
DECLARE r endpoint_latency;
BEGIN
  SELECT * INTO r FROM endpoint_latency WHERE endpoint = '/login';
  ASSERT r.measured = 4, 'NULL durations are ignored';
  ASSERT r.median = 2.5, 'percentile_cont interpolates, got ' || r.median;
  ASSERT r.median_observed = 2, 'percentile_disc picks an observed value, got ' || r.median_observed;

  SELECT * INTO r FROM endpoint_latency WHERE endpoint = '/search';
  ASSERT r.median = 505, 'median of 10..1000, got ' || r.median;
  ASSERT r.p95 = 950.5, 'p95 interpolated, got ' || r.p95;
  ASSERT r.p90_p99 = '{900,990}', 'several percentiles at once, got ' || r.p90_p99::text;
END $$;

DO $$
BEGIN
  ASSERT (SELECT count(*) FROM slow_requests WHERE endpoint = '/search') = 5, 'five requests above p95';
  ASSERT (SELECT min(duration_ms) FROM slow_requests WHERE endpoint = '/search') = 960, 'the slowest 5 percent';
END $$;
