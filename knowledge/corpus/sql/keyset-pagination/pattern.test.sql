DO $$
DECLARE
  page posts[];
  last posts;
  seen bigint[] := '{}';
  pages int := 0;
BEGIN
  LOOP
    SELECT coalesce(array_agg(p), '{}') INTO page
    FROM posts_page(last.created_at, last.id, 10) AS p;
    EXIT WHEN cardinality(page) = 0;
    pages := pages + 1;
    seen := seen || ARRAY(SELECT (unnest(page)).id);
    last := page[cardinality(page)];
  END LOOP;
  ASSERT pages = 3, 'expected 3 pages of 10, 10 and 5 rows, got ' || pages;
  ASSERT cardinality(seen) = 25, 'every row exactly once, got ' || cardinality(seen);
  ASSERT (SELECT count(DISTINCT s) FROM unnest(seen) AS s) = 25, 'no row repeated';
  ASSERT seen[1] = (SELECT id FROM posts ORDER BY created_at DESC, id DESC LIMIT 1), 'newest first';
END $$;
