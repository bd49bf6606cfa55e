CREATE TABLE events (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  payload jsonb NOT NULL
);
-- jsonb_path_ops: smaller and faster than the default GIN opclass, but only serves @> (and jsonpath).
CREATE INDEX events_payload ON events USING gin (payload jsonb_path_ops);

INSERT INTO events (payload) VALUES
  ('{"type": "order", "user": {"id": 1, "country": "DE"}, "total": "19.90", "items": [{"sku": "a", "qty": 2}, {"sku": "b", "qty": 1}]}'),
  ('{"type": "order", "user": {"id": 2, "country": "FR"}, "total": 5, "items": [{"sku": "a", "qty": 1}], "coupon": "SPRING"}'),
  ('{"type": "signup", "user": {"id": 3, "country": "DE"}}');

-- Typed columns out of the JSON: -> keeps jsonb, ->> gives text, #>> follows a path to text.
CREATE VIEW orders_from_events AS
SELECT id,
       (payload #>> '{user,id}')::int   AS user_id,
       payload -> 'user' ->> 'country'  AS country,
       (payload ->> 'total')::numeric   AS total,   -- "19.90" and 5 both cast fine
       payload ->> 'coupon'             AS coupon   -- NULL when the key is absent
FROM events
WHERE payload @> '{"type": "order"}';               -- containment: can use the GIN index

-- One row per array element.
CREATE VIEW order_items AS
SELECT e.id AS event_id, item ->> 'sku' AS sku, (item ->> 'qty')::int AS qty
FROM events e, jsonb_array_elements(e.payload -> 'items') AS item
WHERE e.payload @> '{"type": "order"}';

-- Events matching a nested condition, e.g. '{"user": {"country": "DE"}}'.
CREATE FUNCTION events_matching(filter jsonb) RETURNS SETOF events LANGUAGE sql STABLE AS $$
  SELECT * FROM events WHERE payload @> filter ORDER BY id
$$;
