CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE orders (
  id int PRIMARY KEY,
  customer_id int NOT NULL REFERENCES customers,
  total numeric(10, 2) NOT NULL,
  placed_at timestamptz NOT NULL
);
-- Lets the LATERAL subquery read each customer's newest orders straight from the index.
CREATE INDEX orders_customer_newest ON orders (customer_id, placed_at DESC, id DESC);

INSERT INTO customers VALUES (1, 'Ada'), (2, 'Brian'), (3, 'Cleo');
INSERT INTO orders VALUES
  (1, 1, 10, '2024-01-01'), (2, 1, 20, '2024-01-02'), (3, 1, 30, '2024-01-03'),
  (4, 1, 40, '2024-01-04'), (5, 1, 50, '2024-01-04'),  -- 4 and 5 tie on placed_at
  (6, 2, 60, '2024-02-01');                            -- Cleo has no orders

-- Each customer's n newest orders. Cheap when there are few groups and an index as above.
-- Use LEFT JOIN LATERAL (...) ON true instead to keep customers with no orders (with NULLs).
CREATE FUNCTION latest_orders(n int)
RETURNS TABLE (customer text, order_id int, placed_at timestamptz) LANGUAGE sql STABLE AS $$
  SELECT c.name, o.id, o.placed_at
  FROM customers c
  CROSS JOIN LATERAL (
    SELECT id, placed_at FROM orders
    WHERE orders.customer_id = c.id
    ORDER BY placed_at DESC, id DESC   -- id breaks ties so the result is deterministic
    LIMIT n
  ) o
  ORDER BY c.name, o.placed_at DESC, o.id DESC
$$;

-- The same with a window function: one pass over all rows, better when most rows are read anyway.
-- (rank() instead of row_number() would keep every tied row, returning more than n.)
CREATE FUNCTION biggest_orders(n int)
RETURNS TABLE (customer_id int, order_id int, total numeric) LANGUAGE sql STABLE AS $$
  SELECT customer_id, id, total FROM (
    SELECT o.*, row_number() OVER (PARTITION BY customer_id ORDER BY total DESC, id) AS rn
    FROM orders o
  ) ranked
  WHERE rn <= n
  ORDER BY customer_id, total DESC, id
$$;
