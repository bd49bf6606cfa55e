DO $$
DECLARE old_id int; new_id int;
BEGIN
  BEGIN
    INSERT INTO accounts (username) VALUES ('ada');
    ASSERT false, 'two live accounts named ada must be rejected';
  EXCEPTION WHEN unique_violation THEN
    NULL;
  END;

  old_id := (SELECT id FROM live_accounts WHERE username = 'ada');
  ASSERT soft_delete_account(old_id), 'soft delete succeeds';
  ASSERT soft_delete_account(old_id) IS NULL, 'deleting twice changes nothing';
  INSERT INTO accounts (username) VALUES ('ada') RETURNING id INTO new_id;
  ASSERT new_id <> old_id, 'the name is free again after a soft delete';
  ASSERT soft_delete_account(new_id), 'delete the second ada too';
  INSERT INTO accounts (username) VALUES ('ada');
  ASSERT (SELECT count(*) FROM accounts WHERE username = 'ada') = 3, 'deleted rows keep their name';
  ASSERT (SELECT count(*) FROM live_accounts WHERE username = 'ada') = 1, 'one live ada';
END $$;

DO $$
DECLARE bob int := (SELECT id FROM live_accounts WHERE username = 'bob');
BEGIN
  ASSERT ensure_account('bob') = bob, 'existing live account returned, not duplicated';
  ASSERT ensure_account('cy') IS NOT NULL, 'new account created';
  ASSERT (SELECT count(*) FROM accounts WHERE username IN ('bob', 'cy')) = 2, 'one row each';
  PERFORM soft_delete_account(bob);
  ASSERT ensure_account('bob') <> bob, 'a deleted account is not reused; a new one is made';
END $$;
