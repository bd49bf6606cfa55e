DO $$
DECLARE doc int := (SELECT id FROM documents WHERE title = 'Plan');
BEGIN
  -- Alice and Bob both loaded version 1.
  ASSERT save_document(doc, 1, 'Plan', 'alice edit') = 2, 'first save succeeds and bumps the version';
  ASSERT save_document(doc, 1, 'Plan', 'bob edit') IS NULL, 'stale save is refused';
  ASSERT (SELECT body FROM documents WHERE id = doc) = 'alice edit', 'the first save is not overwritten';
  -- Bob reloads (version 2) and saves again.
  ASSERT save_document(doc, 2, 'Plan v2', 'bob edit') = 3, 'save on the fresh version succeeds';
  ASSERT (SELECT (title, body, version) FROM documents WHERE id = doc) = ('Plan v2'::text, 'bob edit'::text, 3), 'row updated';
  ASSERT save_document(-1, 1, 'x', 'y') IS NULL, 'missing row is reported like a conflict';
END $$;

DO $$
DECLARE doc int := (SELECT id FROM documents WHERE title = 'Plan v2');
BEGIN
  CREATE TRIGGER documents_version BEFORE UPDATE ON documents
    FOR EACH ROW EXECUTE FUNCTION documents_check_version();
  UPDATE documents SET body = 'with trigger', version = 3 WHERE id = doc;  -- the version it read: ok
  ASSERT (SELECT version FROM documents WHERE id = doc) = 4, 'trigger bumps the version';
  BEGIN
    UPDATE documents SET body = 'stale', version = 3 WHERE id = doc;
    ASSERT false, 'a stale version must raise';
  EXCEPTION WHEN serialization_failure THEN
    NULL;
  END;
  ASSERT (SELECT body FROM documents WHERE id = doc) = 'with trigger', 'stale update rolled back';
END $$;
