CREATE TABLE logins (
  user_id int NOT NULL,
  logged_in_at timestamptz NOT NULL
);

INSERT INTO logins VALUES
  (1, '2024-05-01 08:00Z'), (1, '2024-05-01 19:00Z'),  -- two logins on one day count once
  (1, '2024-05-02 09:00Z'), (1, '2024-05-03 09:00Z'),
  (1, '2024-05-06 09:00Z'), (1, '2024-05-07 09:00Z'),
  (1, '2024-05-10 09:00Z'),
  (2, '2024-05-02 12:00Z');

-- One row per streak of consecutive login days. Within a streak, day - row_number() is constant:
-- 05-01 - 1, 05-02 - 2, 05-03 - 3 all give 04-30; after a gap the difference jumps.
CREATE VIEW login_streaks AS
WITH days AS (
  SELECT DISTINCT user_id, (logged_in_at AT TIME ZONE 'UTC')::date AS day  -- pick the zone that defines "a day"
  FROM logins
), grouped AS (
  SELECT user_id, day,
         day - row_number() OVER (PARTITION BY user_id ORDER BY day)::int AS island
  FROM days
)
SELECT user_id, min(day) AS first_day, max(day) AS last_day, count(*)::int AS days
FROM grouped
GROUP BY user_id, island;

-- The gaps: days without a login between two streaks.
CREATE VIEW login_gaps AS
SELECT user_id, last_day + 1 AS gap_from, next_first - 1 AS gap_to
FROM (
  SELECT user_id, last_day, lead(first_day) OVER (PARTITION BY user_id ORDER BY first_day) AS next_first
  FROM login_streaks
) s
WHERE next_first IS NOT NULL;
