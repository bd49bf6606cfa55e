DO $$
DECLARE r record;
BEGIN
  SELECT * INTO r FROM sales_by_quarter_2024 WHERE region = 'north';
  ASSERT (r.q1, r.q2, r.q3, r.q4, r.total, r.refunds) = (150::numeric, 0::numeric, 100::numeric, 0::numeric, 250::numeric, 1::bigint),
    'north pivoted, got ' || row(r.*)::text;
  SELECT * INTO r FROM sales_by_quarter_2024 WHERE region = 'south';
  ASSERT r.q1 = 0 AND r.q2 = 200 AND r.q4 = 25, 'south pivoted, got ' || row(r.*)::text;
  ASSERT r.q1 IS NOT NULL, 'empty quarters are 0, not NULL';
  ASSERT r.q1 + r.q2 + r.q3 + r.q4 = r.total, 'quarters add up to the total';
  ASSERT (SELECT count(*) FROM sales_by_quarter_2024) = 2, 'one row per region with 2024 sales';
END $$;
