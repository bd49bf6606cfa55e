DO $$
BEGIN
  ASSERT (SELECT array_agg(views ORDER BY bucket) FROM views_per_bucket('hour', '2024-06-01 09:00Z', '2024-06-01 13:00Z'))
       = '{2,0,1,0}',
    'hours 9..12 with empty hours as 0, got '
      || (SELECT array_agg(views ORDER BY bucket)::text FROM views_per_bucket('hour', '2024-06-01 09:00Z', '2024-06-01 13:00Z'));
  ASSERT (SELECT min(bucket) FROM views_per_bucket('hour', '2024-06-01 09:00Z', '2024-06-01 13:00Z')) = '2024-06-01 09:00',
    'first bucket starts at from_ts';
  ASSERT (SELECT count(*) FROM views_per_bucket('hour', '2024-06-01 09:30Z', '2024-06-01 10:15Z')) = 2,
    'partial hours at both ends are buckets too';
  ASSERT (SELECT views FROM views_per_bucket('hour', '2024-06-01 09:30Z', '2024-06-01 10:15Z') ORDER BY bucket LIMIT 1) = 1,
    'views before from_ts are not counted';
  ASSERT (SELECT count(*) FROM views_per_bucket('hour', '2024-06-01 09:00Z', '2024-06-01 09:00Z')) = 0, 'empty range';
END $$;

DO $$
BEGIN
  ASSERT (SELECT array_agg(views ORDER BY bucket) FROM views_per_bucket('day', '2024-06-01Z', '2024-06-05Z')) = '{4,1,1,0}',
    'days in UTC, got ' || (SELECT array_agg(views ORDER BY bucket)::text FROM views_per_bucket('day', '2024-06-01Z', '2024-06-05Z'));
  -- In New York (UTC-4) 2024-06-02 03:00Z is still June 1st.
  ASSERT (SELECT views FROM views_per_bucket('day', '2024-06-01 04:00Z', '2024-06-03 04:00Z', 'America/New_York')
          WHERE bucket = '2024-06-01') = 5,
    'local days follow the zone';
END $$;
