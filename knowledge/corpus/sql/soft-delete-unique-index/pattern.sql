CREATE TABLE accounts (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL,
  deleted_at timestamptz          -- NULL while the account is live
);
-- Unique among live rows only; any number of deleted rows may share a username.
CREATE UNIQUE INDEX accounts_username_live ON accounts (username) WHERE deleted_at IS NULL;

-- What the application reads, so no query forgets the filter.
CREATE VIEW live_accounts AS SELECT id, username FROM accounts WHERE deleted_at IS NULL;

INSERT INTO accounts (username) VALUES ('ada'), ('bob');

CREATE FUNCTION soft_delete_account(p_id int) RETURNS boolean LANGUAGE sql AS $$
  UPDATE accounts SET deleted_at = now() WHERE id = p_id AND deleted_at IS NULL RETURNING true
$$;

-- Create the account unless a live one has the name; returns the live account's id either way.
-- The conflict target must name the partial index: same column and the same WHERE predicate.
CREATE FUNCTION ensure_account(p_username text) RETURNS int LANGUAGE sql AS $$
  WITH inserted AS (
    INSERT INTO accounts (username) VALUES (p_username)
    ON CONFLICT (username) WHERE deleted_at IS NULL DO NOTHING
    RETURNING id
  )
  SELECT id FROM inserted
  UNION ALL
  SELECT id FROM accounts WHERE username = p_username AND deleted_at IS NULL
  LIMIT 1
$$;
