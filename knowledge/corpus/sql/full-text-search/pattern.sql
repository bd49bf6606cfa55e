CREATE TABLE articles (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title text NOT NULL,
  body text NOT NULL,
  -- Kept up to date by Postgres. The explicit 'english' config makes the expression immutable
  -- (required here); title words (weight A) rank above body words (weight B).
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
  ) STORED
);
CREATE INDEX articles_search ON articles USING gin (search);

INSERT INTO articles (title, body) VALUES
  ('Running a marathon', 'Training plans for long distance runners.'),
  ('Cooking pasta', 'Boil water, add salt. Some people like running water for rinsing.'),
  ('Postgres indexes', 'B-tree, GIN and GiST indexes explained. Pasta not included.'),
  ('Marathon nutrition', 'What to eat before you run a long race.');

-- Search with the syntax people type into search boxes: words, "quoted phrases", -excluded, or.
-- websearch_to_tsquery never raises on odd input, unlike to_tsquery.
CREATE FUNCTION search_articles(query text, max_results int DEFAULT 20)
RETURNS TABLE (id int, title text, rank real, snippet text) LANGUAGE sql STABLE AS $$
  SELECT a.id, a.title, ts_rank(a.search, q) AS rank,
         ts_headline('english', a.body, q, 'MaxWords=12, MinWords=4') AS snippet
  FROM articles a, websearch_to_tsquery('english', query) AS q
  WHERE a.search @@ q          -- this condition uses the GIN index
  ORDER BY rank DESC, a.id
  LIMIT max_results
$$;
