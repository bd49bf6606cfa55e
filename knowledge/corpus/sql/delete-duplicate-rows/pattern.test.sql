DO $$
DECLARE removed bigint;
BEGIN
  removed := delete_duplicate_subscribers();
  ASSERT removed = 3, 'two extra ann rows and one extra cy row, got ' || removed;
  ASSERT (SELECT signed_up_at FROM subscribers WHERE lower(email) = 'ann@example.com') = '2024-01-01',
    'the oldest ann row is kept';
  ASSERT (SELECT id FROM subscribers WHERE email = 'cy@example.com') = (SELECT min(id) FROM subscribers WHERE email = 'cy@example.com'),
    'among exact copies the lowest id is kept';
  ASSERT (SELECT count(*) FROM subscribers WHERE email IS NULL) = 2, 'NULL emails are left alone';
  ASSERT (SELECT count(*) FROM subscribers) = 5, 'ann, bo, cy and two NULLs remain';
  ASSERT delete_duplicate_subscribers() = 0, 'running it again deletes nothing';
END $$;

DO $$
BEGIN
  -- Now the unique index can be built and blocks new duplicates.
  CREATE UNIQUE INDEX subscribers_email_key ON subscribers (lower(email));
  BEGIN
    INSERT INTO subscribers (email, signed_up_at) VALUES ('Bo@Example.com', now());
    ASSERT false, 'a duplicate email must be rejected';
  EXCEPTION WHEN unique_violation THEN
    NULL;
  END;
END $$;
