DO $$
BEGIN
  ASSERT (SELECT array_agg(days ORDER BY first_day) FROM login_streaks WHERE user_id = 1) = '{3,2,1}',
    'streaks of 3, 2 and 1 days, got ' || (SELECT array_agg(days ORDER BY first_day)::text FROM login_streaks WHERE user_id = 1);
  ASSERT (SELECT (first_day, last_day) FROM login_streaks WHERE user_id = 1 AND days = 3) = ('2024-05-01'::date, '2024-05-03'::date),
    'first streak is 05-01 to 05-03';
  ASSERT (SELECT max(days) FROM login_streaks WHERE user_id = 1) = 3, 'longest streak';
  ASSERT (SELECT count(*) FROM login_streaks WHERE user_id = 2) = 1, 'a single login is a one-day streak';
END $$;

DO $$
BEGIN
  ASSERT (SELECT array_agg(gap_from || '..' || gap_to ORDER BY gap_from) FROM login_gaps WHERE user_id = 1)
       = '{2024-05-04..2024-05-05,2024-05-08..2024-05-09}',
    'gaps between streaks, got ' || (SELECT array_agg(gap_from || '..' || gap_to ORDER BY gap_from)::text FROM login_gaps WHERE user_id = 1);
  ASSERT NOT EXISTS (SELECT FROM login_gaps WHERE user_id = 2), 'no gaps with one streak';
END $$;
