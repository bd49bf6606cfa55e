import { eventsOf, type KilnClient } from './kiln-client.ts';
import { failingSlugify, givingUp, sinkingPatternId } from './scripted-answers.ts';
import type { ScriptedModel } from './scripted-model.ts';
import { waitFor } from './wait-for.ts';

/** How deep the rank of a pattern is looked for; deeper counts as not found. */
export const searchDepth = 50;

export interface SinkingFigures {
  patternId: string;
  /** The pattern's own example questions, with its rank for each (null: not in the first `searchDepth`). */
  questions: { question: string; before: number | null; after: number | null }[];
  /** The question asked in the sessions (the one it ranked best for). */
  asked: string;
  /** Per session: whether its attempt named the pattern, and whether the run failed. */
  sessions: { cited: boolean; failed: boolean }[];
  stats: { uses: number; successes: number; failures: number };
  status: string;
}

/**
 * A known-bad pattern sinks: three code sessions ask for what the seed pattern does, in its own words; each
 * time the model's code built on it fails its tests in the sandbox, and the model gives up on the repair, so
 * each session is one failed run naming the pattern: three failures in three runs, the failing rule's minimum.
 * Its rank for each of its questions is read from the search API before and after.
 */
export async function sinkKnownBadPattern(client: KilnClient, model: ScriptedModel): Promise<SinkingFigures> {
  const patternId = sinkingPatternId;
  const { questions } = await client.pattern(patternId);
  const rankFor = async (question: string) => {
    const position = (await client.search(question, searchDepth)).indexOf(patternId);
    return position < 0 ? null : position + 1;
  };
  const before = await Promise.all(questions.map(rankFor));
  const best = Math.min(...before.map((rank) => rank ?? Infinity));
  const asked = questions[before.indexOf(best)] ?? questions[0]!;

  const sessions: SinkingFigures['sessions'] = [];
  for (let session = 1; session <= 3; session += 1) {
    model.clear();
    model.queue(failingSlugify, givingUp);
    const turn = await client.ask(`/code ${asked}`);
    const attempts = eventsOf(turn, 'session.attempt');
    const results = eventsOf(turn, 'sandbox.result');
    const outcome = eventsOf(turn, 'session.outcome')[0];
    if (outcome?.status === 'not-run') throw new Error(`the sandbox did not run the code: ${outcome.reason}`);
    const cited = attempts.some((attempt) => attempt.patternIds.includes(patternId));
    sessions.push({ cited, failed: results.length > 0 && results.every((result) => !result.passed) });
    // The worker blames the pattern after the verdict is out: wait (a while) for this failure to be on record.
    const expected = sessions.filter((entry) => entry.cited && entry.failed).length;
    await waitFor(async () => (await client.pattern(patternId)).stats.failures >= expected, 10_000);
  }
  model.clear();

  const after = await Promise.all(questions.map(rankFor));
  const { stats, status } = await client.pattern(patternId);
  return {
    patternId,
    questions: questions.map((question, index) => ({ question, before: before[index]!, after: after[index]! })),
    asked,
    sessions,
    stats: { uses: stats.uses, successes: stats.successes, failures: stats.failures },
    status,
  };
}
