CREATE TABLE users (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL CHECK (email = btrim(email) AND email LIKE '_%@_%'),  -- stored as typed, but trimmed
  name text NOT NULL
);
-- The uniqueness rule and the lookup index in one. A plain UNIQUE (email) would allow case variants.
CREATE UNIQUE INDEX users_email_lower ON users (lower(email));

INSERT INTO users (email, name) VALUES ('Ann@Example.com', 'Ann'), ('bo@example.com', 'Bo');

-- Lookups must use the indexed expression exactly: lower(email) = lower($1).
CREATE FUNCTION find_user_by_email(p_email text) RETURNS users LANGUAGE sql STABLE AS $$
  SELECT * FROM users WHERE lower(email) = lower(btrim(p_email))
$$;

-- Register unless the address (in any case) exists; NULL means it is taken.
-- The conflict target is the index expression, in its own parentheses.
CREATE FUNCTION register_user(p_email text, p_name text) RETURNS int LANGUAGE sql AS $$
  INSERT INTO users (email, name) VALUES (btrim(p_email), p_name)
  ON CONFLICT ((lower(email))) DO NOTHING
  RETURNING id
$$;
