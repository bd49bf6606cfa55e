import { z } from 'zod';
import type { JobQueue } from '../queue/job-queue.ts';
import { executeRun, type RunExecution } from '../runs/execute-run.ts';
import { learnFromRun, type RunLearning } from '../runs/learn-from-run.ts';
import type { RunRepository } from '../runs/run-store.ts';

export const sandboxRunJobName = 'kiln.sandbox-run';

const jobSchema = z.object({ runId: z.uuid() });

/**
 * Hands a user's runs to the queue, at most `runsPerUser` of theirs at a time; the others wait in the runs table
 * until one of theirs ends. Called when a run is created and when one finishes. Run jobs are never retried: a
 * run that failed to execute is an `error` the user sees, and running user code twice is never what they asked.
 */
export async function dispatchRuns(
  queue: JobQueue,
  runs: Pick<RunRepository, 'dispatchable'>,
  ownerId: string,
  runsPerUser: number,
) {
  for (const runId of await runs.dispatchable(ownerId, runsPerUser)) {
    await queue.send(sandboxRunJobName, { runId }, { retries: 0 });
  }
}

/**
 * Executes runs from the queue, `concurrency` at once in this process; each finished run credits or blames the
 * patterns it was built on (`learning`, when given), then lets its owner's next one go.
 */
export async function registerSandboxRunJob(
  queue: JobQueue,
  execution: RunExecution,
  settings: {
    runs: Pick<RunRepository, 'dispatchable'>;
    concurrency: number;
    runsPerUser: number;
    learning?: RunLearning;
  },
) {
  await queue.work(
    sandboxRunJobName,
    async ({ data }) => {
      const { runId } = jobSchema.parse(data);
      const executed = await executeRun(runId, execution);
      execution.log.info({ runId, status: executed?.outcome.status ?? 'skipped' }, 'run executed');
      if (executed) {
        await learnFromRun(executed, settings.learning, execution.log);
        await dispatchRuns(queue, settings.runs, executed.spec.ownerId, settings.runsPerUser);
      }
      return { runId, status: executed?.outcome.status ?? 'skipped' };
    },
    { concurrency: settings.concurrency },
  );
}
