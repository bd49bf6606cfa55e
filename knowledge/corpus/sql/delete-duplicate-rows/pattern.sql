CREATE TABLE subscribers (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text,
  signed_up_at timestamptz NOT NULL
);

INSERT INTO subscribers (email, signed_up_at) VALUES
  ('ann@example.com', '2024-01-01'), ('ANN@example.com', '2024-01-05'), ('ann@example.com', '2024-01-03'),
  ('bo@example.com',  '2024-01-02'),
  ('cy@example.com',  '2024-01-04'), ('cy@example.com',  '2024-01-04'),  -- exact copies: id decides
  (NULL, '2024-01-06'), (NULL, '2024-01-07');                             -- unknown, not duplicates

-- Deletes all but the earliest row of each email; returns how many rows were removed.
CREATE FUNCTION delete_duplicate_subscribers() RETURNS bigint LANGUAGE sql AS $$
  WITH ranked AS (
    SELECT id, row_number() OVER (
      PARTITION BY lower(email)
      ORDER BY signed_up_at, id        -- which row survives: the oldest, then the lowest id
    ) AS rn
    FROM subscribers
    WHERE email IS NOT NULL            -- NULLs would otherwise form one group and be deduplicated
  ), deleted AS (
    DELETE FROM subscribers s USING ranked r
    WHERE s.id = r.id AND r.rn > 1
    RETURNING 1
  )
  SELECT count(*) FROM deleted
$$;

-- After cleaning, stop new duplicates (this index creation fails while duplicates exist):
--   CREATE UNIQUE INDEX subscribers_email_key ON subscribers (lower(email));
-- To preview first, run the ranked query alone and look at the rows with rn > 1.
