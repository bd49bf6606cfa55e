DO $$
BEGIN
  ASSERT (SELECT array_agg(order_id) FROM latest_orders(3) WHERE customer = 'Ada') = '{5,4,3}',
    'Ada: three newest, tie broken by id, got ' || (SELECT array_agg(order_id)::text FROM latest_orders(3) WHERE customer = 'Ada');
  ASSERT (SELECT array_agg(order_id) FROM latest_orders(3) WHERE customer = 'Brian') = '{6}',
    'Brian has only one order';
  ASSERT NOT EXISTS (SELECT FROM latest_orders(3) WHERE customer = 'Cleo'), 'CROSS JOIN LATERAL drops customers without orders';
  ASSERT (SELECT count(*) FROM latest_orders(1)) = 2, 'one row per customer with orders';
  ASSERT (SELECT count(*) FROM latest_orders(0)) = 0, 'n = 0 gives nothing';
END $$;

DO $$
BEGIN
  ASSERT (SELECT array_agg(order_id) FROM biggest_orders(2) WHERE customer_id = 1) = '{5,4}', 'Ada: two biggest';
  ASSERT (SELECT count(*) FROM biggest_orders(2)) = 3, 'two for Ada, one for Brian';
  ASSERT (SELECT count(*) FROM biggest_orders(10)) = (SELECT count(*) FROM orders), 'n larger than the group keeps all rows';
END $$;
