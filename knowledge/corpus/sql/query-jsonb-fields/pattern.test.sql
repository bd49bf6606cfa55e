DO $$
BEGIN
  ASSERT (SELECT count(*) FROM orders_from_events) = 2, 'two order events';
  ASSERT (SELECT sum(total) FROM orders_from_events) = 24.90, 'totals cast to numeric';
  ASSERT (SELECT country FROM orders_from_events WHERE user_id = 1) = 'DE', 'nested text value';
  ASSERT (SELECT coupon FROM orders_from_events WHERE user_id = 1) IS NULL, 'missing key is NULL';
  ASSERT (SELECT coupon FROM orders_from_events WHERE user_id = 2) = 'SPRING', 'present key';
END $$;

DO $$
BEGIN
  ASSERT (SELECT sum(qty) FROM order_items WHERE sku = 'a') = 3, 'array elements become rows';
  ASSERT (SELECT count(*) FROM order_items) = 3, 'three items in all';
  ASSERT (SELECT array_agg(id) FROM events_matching('{"user": {"country": "DE"}}')) = '{1,3}', 'nested containment';
  ASSERT (SELECT count(*) FROM events_matching('{"items": [{"sku": "b"}]}')) = 1, 'containment inside arrays';
  ASSERT (SELECT count(*) FROM events_matching('{}')) = 3, 'empty object matches everything';
  -- -> returns jsonb: compare it with jsonb, not text.
  ASSERT (SELECT count(*) FROM events WHERE payload -> 'user' -> 'id' = '2'::jsonb) = 1, 'jsonb comparison';
END $$;
