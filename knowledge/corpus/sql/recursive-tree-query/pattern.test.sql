DO $$
BEGIN
  ASSERT (SELECT array_agg(id) FROM category_subtree(2)) = '{2,3,6,4}', 'depth-first: children follow their parent, got ' || (SELECT array_agg(id)::text FROM category_subtree(2));
  ASSERT (SELECT depth FROM category_subtree(1) WHERE name = 'Gaming laptops') = 3, 'depth counted from the root';
  ASSERT (SELECT count(*) FROM category_subtree(1)) = 6, 'all of Electronics, not Books';
  ASSERT (SELECT count(*) FROM category_subtree(6)) = 1, 'a leaf is its own subtree';
  ASSERT NOT EXISTS (SELECT FROM category_subtree(999)), 'unknown root gives nothing';
  ASSERT category_breadcrumb(6) = '{Electronics,Computers,Laptops,"Gaming laptops"}',
    'breadcrumb root first, got ' || category_breadcrumb(6)::text;
END $$;

DO $$
BEGIN
  -- A cycle (8 -> 9 -> 8) must not make the queries loop forever.
  INSERT INTO categories VALUES (8, NULL, 'A'), (9, 8, 'B');
  UPDATE categories SET parent_id = 9 WHERE id = 8;
  ASSERT (SELECT count(*) FROM category_subtree(8)) = 2, 'cycle visited once';
  ASSERT cardinality(category_breadcrumb(9)) = 2, 'breadcrumb stops at the cycle';
END $$;
