DO $$
DECLARE r record;
BEGIN
  SELECT * INTO r FROM add_stock('plum', 5);
  ASSERT r.inserted AND r.quantity = 5, 'a new SKU is inserted, got ' || row(r.*)::text;
  SELECT * INTO r FROM add_stock('apple', 3);
  ASSERT NOT r.inserted AND r.quantity = 13, 'an existing SKU is incremented, got ' || row(r.*)::text;
  ASSERT (SELECT count(*) FROM stock WHERE sku = 'apple') = 1, 'no duplicate row';
END $$;

DO $$
BEGIN
  -- apple appears twice: the last value (7) wins; pear is unchanged so it is not counted.
  ASSERT set_stock('[{"sku":"apple","quantity":1},{"sku":"pear","quantity":4},{"sku":"kiwi","quantity":2},{"sku":"apple","quantity":7}]') = 2,
    'two rows written (apple changed, kiwi inserted)';
  ASSERT (SELECT quantity FROM stock WHERE sku = 'apple') = 7, 'last duplicate wins';
  ASSERT (SELECT quantity FROM stock WHERE sku = 'kiwi') = 2, 'kiwi inserted';
  ASSERT (SELECT count(*) FROM stock) = 4, 'apple, pear, plum, kiwi';
END $$;

DO $$
BEGIN
  -- Without the DISTINCT ON step a batch with a repeated key fails.
  BEGIN
    INSERT INTO stock (sku, quantity) VALUES ('fig', 1), ('fig', 2)
    ON CONFLICT (sku) DO UPDATE SET quantity = EXCLUDED.quantity;
    ASSERT false, 'expected the repeated key to be rejected';
  EXCEPTION WHEN cardinality_violation THEN
    NULL;  -- "ON CONFLICT DO UPDATE command cannot affect row a second time"
  END;
END $$;
