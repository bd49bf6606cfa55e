DO $$
BEGIN
  ASSERT (SELECT array_agg(balance ORDER BY booked_on, id) FROM ledger_with_balance WHERE account = 'alice') = '{100,70,50,100}',
    'alice row by row, got ' || (SELECT array_agg(balance ORDER BY booked_on, id)::text FROM ledger_with_balance WHERE account = 'alice');
  ASSERT (SELECT array_agg(balance ORDER BY booked_on, id) FROM ledger_with_balance WHERE account = 'bob') = '{10,15}',
    'bob is summed separately';
END $$;

DO $$
BEGIN
  ASSERT (SELECT array_agg(closing_balance ORDER BY booked_on) FROM daily_balance WHERE account = 'alice') = '{100,50,100}',
    'one closing balance per day, got ' || (SELECT array_agg(closing_balance ORDER BY booked_on)::text FROM daily_balance WHERE account = 'alice');
  -- The last running value equals the plain total.
  ASSERT (SELECT balance FROM ledger_with_balance WHERE account = 'alice' ORDER BY booked_on DESC, id DESC LIMIT 1)
       = (SELECT sum(amount) FROM ledger WHERE account = 'alice'), 'final balance is the total';
END $$;

DO $$
BEGIN
  -- The pitfall the view avoids: the default RANGE frame without a tie-breaker.
  ASSERT (SELECT array_agg(b ORDER BY booked_on, id) FROM (
            SELECT booked_on, id, sum(amount) OVER (ORDER BY booked_on) AS b FROM ledger WHERE account = 'alice') t)
       = '{100,50,50,100}', 'ties share the end-of-day total under the default frame';
END $$;
