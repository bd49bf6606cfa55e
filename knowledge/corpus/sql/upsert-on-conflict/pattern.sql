CREATE TABLE stock (
  sku text PRIMARY KEY,          -- the conflict target must be a unique index or constraint
  quantity int NOT NULL CHECK (quantity >= 0),
  updated_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO stock (sku, quantity) VALUES ('apple', 10), ('pear', 4);

-- Add to a SKU's stock, creating the row the first time. EXCLUDED is the row that failed to insert.
-- `inserted` tells new rows from updated ones (xmax is 0 only on a freshly inserted row version).
CREATE FUNCTION add_stock(p_sku text, p_quantity int)
RETURNS TABLE (quantity int, inserted boolean) LANGUAGE sql AS $$
  INSERT INTO stock AS s (sku, quantity) VALUES (p_sku, p_quantity)
  ON CONFLICT (sku) DO UPDATE
    SET quantity = s.quantity + EXCLUDED.quantity, updated_at = now()
  RETURNING s.quantity, (s.xmax = 0)
$$;

-- Batch form: one statement may not update the same row twice, so collapse duplicate keys first.
-- The WHERE on DO UPDATE skips rows whose value would not change (no dead row, no trigger fired).
CREATE FUNCTION set_stock(items jsonb)  -- [{"sku": "apple", "quantity": 3}, ...]
RETURNS int LANGUAGE sql AS $$
  WITH input AS (
    SELECT DISTINCT ON (sku) sku, quantity
    FROM ROWS FROM (jsonb_to_recordset(items) AS (sku text, quantity int)) WITH ORDINALITY AS i(sku, quantity, n)
    ORDER BY sku, n DESC               -- the last occurrence of a SKU wins
  ), written AS (
    INSERT INTO stock AS s (sku, quantity) SELECT sku, quantity FROM input
    ON CONFLICT (sku) DO UPDATE SET quantity = EXCLUDED.quantity, updated_at = now()
      WHERE s.quantity IS DISTINCT FROM EXCLUDED.quantity
    RETURNING 1
  )
  SELECT count(*)::int FROM written   -- rows inserted or actually changed
$$;
