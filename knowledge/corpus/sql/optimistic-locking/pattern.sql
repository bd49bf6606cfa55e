CREATE TABLE documents (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title text NOT NULL,
  body text NOT NULL,
  version int NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO documents (title, body) VALUES ('Plan', 'first draft');

-- Save an edit made on top of `expected_version`. Returns the new version, or NULL when someone
-- else saved first (or the row is gone): the caller reloads and retries or shows a conflict.
-- The single UPDATE checks and bumps atomically, so two racing writers cannot both succeed.
CREATE FUNCTION save_document(p_id int, expected_version int, new_title text, new_body text)
RETURNS int LANGUAGE sql AS $$
  UPDATE documents
  SET title = new_title, body = new_body, version = version + 1, updated_at = now()
  WHERE id = p_id AND version = expected_version
  RETURNING version
$$;

-- Trigger style, for clients that issue plain UPDATEs: they SET version = the version they read;
-- the trigger rejects a stale one and bumps the counter. (An UPDATE that leaves version out
-- passes unchecked. Use one of the two styles, not both.)
CREATE FUNCTION documents_check_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.version <> OLD.version THEN
    RAISE EXCEPTION 'document % was changed by someone else (version % is stale, current is %)',
      OLD.id, NEW.version, OLD.version USING ERRCODE = 'serialization_failure';
  END IF;
  NEW.version := OLD.version + 1;
  RETURN NEW;
END $$;
