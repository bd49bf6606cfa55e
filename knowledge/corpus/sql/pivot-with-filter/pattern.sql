CREATE TABLE sales (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region text NOT NULL,
  sold_on date NOT NULL,
  amount numeric(10, 2) NOT NULL,
  refunded boolean NOT NULL DEFAULT false
);

INSERT INTO sales (region, sold_on, amount, refunded) VALUES
  ('north', '2024-01-15', 100, false), ('north', '2024-02-20', 50, false),
  ('north', '2024-07-01', 70, false),  ('north', '2024-08-01', 30, true),
  ('south', '2024-04-10', 200, false), ('south', '2024-11-30', 25, false),
  ('west',  '2023-12-31', 999, false);                 -- other year: filtered out by WHERE

-- One row per region, one column per quarter of 2024. FILTER decides which rows feed each
-- aggregate; coalesce turns "no sales" (NULL) into 0.
CREATE VIEW sales_by_quarter_2024 AS
SELECT region,
  coalesce(sum(amount) FILTER (WHERE extract(quarter FROM sold_on) = 1), 0) AS q1,
  coalesce(sum(amount) FILTER (WHERE extract(quarter FROM sold_on) = 2), 0) AS q2,
  coalesce(sum(amount) FILTER (WHERE extract(quarter FROM sold_on) = 3), 0) AS q3,
  coalesce(sum(amount) FILTER (WHERE extract(quarter FROM sold_on) = 4), 0) AS q4,
  sum(amount) AS total,
  count(*) FILTER (WHERE refunded) AS refunds          -- counts pivot the same way
FROM sales
WHERE sold_on >= '2024-01-01' AND sold_on < '2025-01-01'
GROUP BY region;
-- Regions with no 2024 sales at all are absent; LEFT JOIN from a regions table to list them with zeros.
