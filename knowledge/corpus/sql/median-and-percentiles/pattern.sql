CREATE TABLE requests (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  endpoint text NOT NULL,
  duration_ms int             -- NULL: timed out, no measurement
);

INSERT INTO requests (endpoint, duration_ms)
SELECT '/search', n * 10 FROM generate_series(1, 100) AS n;        -- 10, 20, ..., 1000
INSERT INTO requests (endpoint, duration_ms) VALUES
  ('/login', 1), ('/login', 2), ('/login', 3), ('/login', 4), ('/login', NULL);

-- Per endpoint. WITHIN GROUP (ORDER BY ...) names the value the percentile is taken over.
-- percentile_cont interpolates; percentile_disc picks the first value at or above the fraction.
CREATE VIEW endpoint_latency AS
SELECT endpoint,
  count(duration_ms) AS measured,
  percentile_cont(0.5)  WITHIN GROUP (ORDER BY duration_ms) AS median,
  percentile_disc(0.5)  WITHIN GROUP (ORDER BY duration_ms) AS median_observed,
  percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms) AS p95,
  -- Several at once: one sort, an array back.
  percentile_disc(ARRAY[0.9, 0.99]) WITHIN GROUP (ORDER BY duration_ms) AS p90_p99
FROM requests
GROUP BY endpoint;

-- They cannot be window functions (OVER); to compare each row with its group's median, join back.
CREATE VIEW slow_requests AS
SELECT r.id, r.endpoint, r.duration_ms
FROM requests r JOIN endpoint_latency l USING (endpoint)
WHERE r.duration_ms > l.p95;
