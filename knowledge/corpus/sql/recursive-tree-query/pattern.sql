CREATE TABLE categories (
  id int PRIMARY KEY,
  parent_id int REFERENCES categories,
  name text NOT NULL
);
CREATE INDEX categories_parent ON categories (parent_id);  -- each recursive step looks up children

INSERT INTO categories VALUES
  (1, NULL, 'Electronics'), (2, 1, 'Computers'), (3, 2, 'Laptops'), (4, 2, 'Desktops'),
  (5, 1, 'Phones'), (6, 3, 'Gaming laptops'), (7, NULL, 'Books');

-- The node and everything below it. path is the list of ids from the root: it orders the output
-- depth-first and stops cycles (a row whose id is already on the path is not followed).
CREATE FUNCTION category_subtree(root_id int)
RETURNS TABLE (id int, name text, depth int, path int[]) LANGUAGE sql STABLE AS $$
  WITH RECURSIVE tree AS (
    SELECT c.id, c.name, 0 AS depth, ARRAY[c.id] AS path
    FROM categories c WHERE c.id = root_id
    UNION ALL
    SELECT c.id, c.name, t.depth + 1, t.path || c.id
    FROM categories c JOIN tree t ON c.parent_id = t.id
    WHERE c.id <> ALL (t.path)
  )
  SELECT * FROM tree ORDER BY path
$$;

-- Breadcrumb: the node's ancestors, root first.
CREATE FUNCTION category_breadcrumb(leaf_id int) RETURNS text[] LANGUAGE sql STABLE AS $$
  WITH RECURSIVE up AS (
    SELECT c.id, c.parent_id, c.name, ARRAY[c.id] AS seen FROM categories c WHERE c.id = leaf_id
    UNION ALL
    SELECT c.id, c.parent_id, c.name, up.seen || c.id
    FROM categories c JOIN up ON c.id = up.parent_id
    WHERE c.id <> ALL (up.seen)
  )
  SELECT array_agg(name ORDER BY cardinality(seen) DESC) FROM up
$$;
