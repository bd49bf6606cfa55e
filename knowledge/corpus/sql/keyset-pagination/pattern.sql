CREATE TABLE posts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title text NOT NULL,
  created_at timestamptz NOT NULL
);
-- The index matches the ORDER BY, so each page is an index range scan.
CREATE INDEX posts_newest ON posts (created_at DESC, id DESC);

INSERT INTO posts (title, created_at)
SELECT 'post ' || n, timestamptz '2024-01-01' + (n / 2) * interval '1 hour'  -- pairs share a timestamp
FROM generate_series(1, 25) AS n;

-- One page: rows strictly after the cursor (the last row of the previous page), in the same order.
-- Pass NULLs for the first page.
CREATE FUNCTION posts_page(after_created_at timestamptz, after_id bigint, page_size int)
RETURNS SETOF posts LANGUAGE sql STABLE AS $$
  SELECT * FROM posts
  WHERE after_created_at IS NULL OR (created_at, id) < (after_created_at, after_id)
  ORDER BY created_at DESC, id DESC
  LIMIT page_size
$$;
