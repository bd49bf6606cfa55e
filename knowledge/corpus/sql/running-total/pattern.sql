CREATE TABLE ledger (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account text NOT NULL,
  booked_on date NOT NULL,
  amount numeric(12, 2) NOT NULL
);

INSERT INTO ledger (account, booked_on, amount) VALUES
  ('alice', '2024-03-01', 100), ('alice', '2024-03-02', -30),
  ('alice', '2024-03-02', -20),                 -- same day as the previous row
  ('alice', '2024-03-05', 50),
  ('bob',   '2024-03-01', 10),  ('bob', '2024-03-03', 5);

-- Balance after each booking, per account, in booking order. id breaks ties on booked_on, and
-- ROWS stops the frame at the current row: with ORDER BY booked_on alone, the default frame
-- (RANGE) takes in every row tying on booked_on, so both 2024-03-02 rows would show 50.
CREATE VIEW ledger_with_balance AS
SELECT id, account, booked_on, amount,
  sum(amount) OVER (
    PARTITION BY account
    ORDER BY booked_on, id
    ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
  ) AS balance
FROM ledger;

-- Daily closing balance: aggregate per day first, then run the window over the daily sums.
CREATE VIEW daily_balance AS
SELECT account, booked_on, sum(sum(amount)) OVER (PARTITION BY account ORDER BY booked_on) AS closing_balance
FROM ledger
GROUP BY account, booked_on;
