import { eventsOf, type KilnClient } from './kiln-client.ts';
import type { FixCase } from './scripted-answers.ts';
import type { ScriptedModel } from './scripted-model.ts';

export interface LearnedFixFigures {
  name: string;
  /** The sandbox verdicts of the session's attempts, in order. */
  verdicts: boolean[];
  /** The error the repair fixed, normalised (`KeyError: '<name>'`), from the repair's attempt. */
  repaired: string | null;
  learnedPatternId: string | null;
  /** The `/debug` answer's citations, in order: the patterns filed as fixes for the error carry `graph` 1. */
  cited: { id: string; fix: boolean; record: string }[];
  /** 1-based position of the learned pattern among them; null when it is not cited. */
  rank: number | null;
}

/**
 * A learned fix is cited first next time: a code session whose first code fails with a runtime error and
 * whose repair passes is approved (a learned pattern, filed as a fix for the error's signature); then `/debug`
 * is asked about the same error met in other code, and its citations are read.
 */
export async function learnAFix(
  client: KilnClient,
  model: ScriptedModel,
  fixCase: FixCase,
): Promise<LearnedFixFigures> {
  model.clear();
  model.queue(fixCase.failing, fixCase.repaired);
  const session = await client.ask(fixCase.request);
  const outcome = eventsOf(session, 'session.outcome')[0];
  if (outcome?.status === 'not-run') throw new Error(`the sandbox did not run the code: ${outcome.reason}`);
  const verdicts = eventsOf(session, 'sandbox.result').map((result) => result.passed);
  const repaired = eventsOf(session, 'session.attempt').at(-1)?.repairs?.message ?? null;
  const learnedPatternId = outcome?.approvable ? (await client.approve(session)).patternId : null;

  model.clear();
  model.queue(fixCase.diagnosis);
  const debug = await client.ask(fixCase.debug);
  model.clear();
  const citations = eventsOf(debug, 'retrieval').at(-1)?.citations ?? [];
  const cited = await Promise.all(
    citations.map(async (citation) => {
      const { stats } = await client.pattern(citation.patternId);
      return {
        id: citation.patternId,
        fix: citation.sources.graph === 1,
        record: `${stats.successes} passed, ${stats.failures} failed`,
      };
    }),
  );
  const position = cited.findIndex((citation) => citation.id === learnedPatternId);
  return {
    name: fixCase.name,
    verdicts,
    repaired,
    learnedPatternId,
    cited,
    rank: position < 0 ? null : position + 1,
  };
}
