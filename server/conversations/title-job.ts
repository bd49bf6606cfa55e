import { z } from 'zod';
import type { JobQueue } from '../../workers/queue/job-queue.ts';
import type { ConversationTitler, TitleRequest } from './conversation-titler.ts';

export const titleJobName = 'kiln.conversation-title';

const jobSchema = z.object({
  ownerId: z.uuid(),
  conversationId: z.uuid(),
  heuristicTitle: z.string(),
  question: z.string(),
  answer: z.string(),
});

/** What goes into the job: the question and answer as the model will see them (2,000 characters each). */
const excerpt = (text: string) => text.slice(0, 2_000);

/**
 * Asks for a model-written title on the queue, so the model call and its write run on whichever server takes
 * the job, after the answer's own work. Retried once if the server that took it dies: a retitle is conditional
 * on the first-message title still being there, so a second run changes nothing the first already did.
 */
export function queueTitle(queue: JobQueue, request: TitleRequest): Promise<void> {
  return queue
    .send(
      titleJobName,
      { ...request, question: excerpt(request.question), answer: excerpt(request.answer) },
      // The model call times out at 30 s: a job active twice as long was abandoned.
      { retries: 1, expireInSeconds: 60 },
    )
    .then(() => undefined);
}

/** Writes titles from the queue in this server: two workers, each taking up to 10 at once (model calls wait). */
export async function registerTitleJob(queue: JobQueue, titler: ConversationTitler) {
  await queue.work(
    titleJobName,
    async ({ data }) => {
      const request = jobSchema.parse(data);
      return { conversationId: request.conversationId, retitled: await titler.retitle(request) };
    },
    { concurrency: 2, batchSize: 10 },
  );
}
