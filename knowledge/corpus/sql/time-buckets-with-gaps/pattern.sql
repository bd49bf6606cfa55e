CREATE TABLE page_views (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  path text NOT NULL,
  viewed_at timestamptz NOT NULL
);
CREATE INDEX page_views_time ON page_views (viewed_at);

INSERT INTO page_views (path, viewed_at) VALUES
  ('/', '2024-06-01 09:05Z'), ('/', '2024-06-01 09:55Z'), ('/a', '2024-06-01 11:30Z'),
  ('/', '2024-06-01 13:00Z'),                        -- exactly on the end bound: excluded
  ('/', '2024-06-02 03:00Z'), ('/', '2024-06-03 12:00Z');

-- Views per `unit` ('hour', 'day', 'week', 'month') in [from_ts, to_ts), every bucket present.
-- Buckets are wall-clock periods in `zone`; `bucket` is the local start of each period.
CREATE FUNCTION views_per_bucket(unit text, from_ts timestamptz, to_ts timestamptz, zone text DEFAULT 'UTC')
RETURNS TABLE (bucket timestamp, views bigint) LANGUAGE sql STABLE AS $$
  WITH buckets AS (
    SELECT b AS local_start, b AT TIME ZONE zone AS starts, (b + step) AT TIME ZONE zone AS ends
    FROM (SELECT ('1 ' || unit)::interval AS step) s,
         generate_series(date_trunc(unit, from_ts AT TIME ZONE zone),
                         (to_ts AT TIME ZONE zone) - interval '1 microsecond', step) AS b
  )
  SELECT b.local_start, count(v.id)      -- count(v.id) is 0 for an empty bucket, count(*) would be 1
  FROM buckets b
  LEFT JOIN page_views v                  -- a range, not date_trunc(viewed_at), so the index is used
    ON v.viewed_at >= greatest(b.starts, from_ts) AND v.viewed_at < least(b.ends, to_ts)
  GROUP BY b.local_start
  ORDER BY b.local_start
$$;
