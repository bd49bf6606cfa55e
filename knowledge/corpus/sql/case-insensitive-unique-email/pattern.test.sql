DO $$
BEGIN
  BEGIN
    INSERT INTO users (email, name) VALUES ('ANN@example.COM', 'Impostor');
    ASSERT false, 'a case variant of an existing email must be rejected';
  EXCEPTION WHEN unique_violation THEN
    NULL;
  END;
  ASSERT (find_user_by_email('ann@EXAMPLE.com')).name = 'Ann', 'lookup ignores case';
  ASSERT (find_user_by_email('  ann@example.com ')).name = 'Ann', 'lookup ignores surrounding spaces';
  ASSERT (find_user_by_email('ann@example.com')).email = 'Ann@Example.com', 'stored as typed';
  ASSERT (find_user_by_email('nobody@example.com')).id IS NULL, 'unknown email';
END $$;

DO $$
BEGIN
  ASSERT register_user('BO@EXAMPLE.COM', 'Other Bo') IS NULL, 'taken in another case';
  ASSERT register_user(' cy@example.com ', 'Cy') IS NOT NULL, 'new address registered';
  ASSERT (find_user_by_email('CY@example.com')).email = 'cy@example.com', 'trimmed on the way in';
  ASSERT (SELECT count(*) FROM users) = 3, 'ann, bo, cy';
END $$;
