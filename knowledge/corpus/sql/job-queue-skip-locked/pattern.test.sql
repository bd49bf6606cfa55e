DO $$
DECLARE job jobs;
BEGIN
  SELECT * INTO job FROM dequeue_jobs('email');
  ASSERT job.payload ->> 'to' = 'a@example.com', 'oldest due job first, got ' || coalesce(job.payload::text, 'nothing');
  ASSERT job.status = 'running' AND job.attempts = 1 AND job.locked_at IS NOT NULL, 'claimed job is marked running';

  ASSERT (SELECT array_agg(payload ->> 'to' ORDER BY id) FROM dequeue_jobs('email', 10)) = '{b@example.com,c@example.com}',
    'the batch skips the claimed job and the job that is not due';
  ASSERT NOT EXISTS (SELECT FROM dequeue_jobs('email', 10)), 'nothing left to claim';
  ASSERT (SELECT payload ->> 'id' FROM dequeue_jobs('reports')) = '7', 'queues are separate';

  PERFORM complete_job(job.id);
  ASSERT (SELECT status FROM jobs WHERE id = job.id) = 'done', 'completed';
END $$;

DO $$
DECLARE job jobs;
BEGIN
  SELECT * INTO job FROM jobs WHERE payload ->> 'to' = 'b@example.com';
  ASSERT fail_job(job.id, 'smtp timeout') = 'queued', 'first failure is retried';
  ASSERT (SELECT run_at FROM jobs WHERE id = job.id) = now() + interval '30 seconds', 'backoff after one attempt';
  ASSERT NOT EXISTS (SELECT FROM dequeue_jobs('email')), 'a retry is not due before its backoff';

  -- Fast-forward: make it due, claim and fail it until it runs out of attempts.
  FOR i IN 2..3 LOOP
    UPDATE jobs SET run_at = now() WHERE id = job.id;
    ASSERT (SELECT id FROM dequeue_jobs('email')) = job.id, 'due again after the backoff';
    PERFORM fail_job(job.id, 'smtp timeout');
  END LOOP;
  ASSERT (SELECT (status, attempts, last_error) FROM jobs WHERE id = job.id) = ('failed'::text, 3, 'smtp timeout'::text),
    'gives up after max_attempts, got ' || (SELECT row(status, attempts, last_error)::text FROM jobs WHERE id = job.id);
  ASSERT fail_job(job.id, 'again') IS NULL, 'only running jobs can fail';
END $$;
