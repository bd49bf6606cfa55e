CREATE TABLE jobs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  queue text NOT NULL DEFAULT 'default',
  payload jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts int NOT NULL DEFAULT 0,
  max_attempts int NOT NULL DEFAULT 3,
  locked_at timestamptz,
  last_error text
);
-- Small, since finished jobs drop out of it; matches the dequeue's WHERE and ORDER BY.
CREATE INDEX jobs_ready ON jobs (queue, run_at, id) WHERE status = 'queued';

INSERT INTO jobs (queue, payload, run_at) VALUES
  ('email', '{"to": "a@example.com"}', now() - interval '3 minutes'),
  ('email', '{"to": "b@example.com"}', now() - interval '2 minutes'),
  ('email', '{"to": "c@example.com"}', now() - interval '1 minute'),
  ('email', '{"to": "later@example.com"}', now() + interval '1 hour'),  -- not due yet
  ('reports', '{"id": 7}', now() - interval '5 minutes');

-- Claim up to `batch` due jobs. Rows another worker has locked are skipped instead of waited for,
-- and the UPDATE marks the claimed rows in the same statement, so commit promptly after calling.
CREATE FUNCTION dequeue_jobs(p_queue text, batch int DEFAULT 1) RETURNS SETOF jobs LANGUAGE sql AS $$
  WITH next AS (
    SELECT id FROM jobs
    WHERE queue = p_queue AND status = 'queued' AND run_at <= now()
    ORDER BY run_at, id
    LIMIT batch
    FOR UPDATE SKIP LOCKED
  )
  UPDATE jobs j SET status = 'running', attempts = j.attempts + 1, locked_at = now()
  FROM next WHERE j.id = next.id
  RETURNING j.*
$$;

CREATE FUNCTION complete_job(p_id bigint) RETURNS void LANGUAGE sql AS $$
  UPDATE jobs SET status = 'done', locked_at = NULL WHERE id = p_id AND status = 'running'
$$;

-- Retry later with exponential backoff (30 s, 60 s, 120 s, ...), or give up after max_attempts.
CREATE FUNCTION fail_job(p_id bigint, error text) RETURNS text LANGUAGE sql AS $$
  UPDATE jobs SET
    status = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
    run_at = now() + interval '30 seconds' * 2 ^ (attempts - 1),
    locked_at = NULL, last_error = error
  WHERE id = p_id AND status = 'running'
  RETURNING status
$$;
-- Jobs whose worker crashed stay 'running'; a periodic sweep requeues them, e.g.
--   UPDATE jobs SET status = 'queued' WHERE status = 'running' AND locked_at < now() - interval '15 minutes';
