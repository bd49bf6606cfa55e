import type { LearnedFixFigures } from './learned-fix.ts';
import { searchDepth, type SinkingFigures } from './sinking-pattern.ts';

export interface LearningFigures {
  machine: string;
  sinking: SinkingFigures;
  /** Labelled retrieval questions whose expected answers include the sinking pattern. */
  sinkingLabelled: number;
  fixes: LearnedFixFigures[];
  recall: { before: number; after: number };
  /** Model requests past what the script queued. */
  unexpectedRequests: number;
  seconds: number;
}

/** Prints the figures and the targets with PASS/FAIL (Markdown tables, as docs/benchmarks.md has them); answers whether all were met. */
export function printReport(figures: LearningFigures): boolean {
  const { sinking, fixes, recall } = figures;
  const rank = (value: number | null) => (value === null ? `> ${searchDepth}` : String(value));
  const verdict = (met: boolean) => (met ? 'PASS' : 'FAIL');
  console.log(`\n${figures.machine}`);

  console.log(`\n1. A known-bad pattern sinks: \`${sinking.patternId}\`; the sessions asked “${sinking.asked}”\n`);
  console.log('| its question | rank before | rank after |');
  console.log('| --- | --- | --- |');
  for (const question of sinking.questions)
    console.log(`| ${question.question} | ${rank(question.before)} | ${rank(question.after)} |`);
  const citedIn = sinking.sessions.filter((session) => session.cited).length;
  const failedIn = sinking.sessions.filter((session) => session.failed).length;
  const { stats } = sinking;
  console.log(
    `\n${sinking.sessions.length} code sessions: their attempts named it in ${citedIn}, their runs failed in ${failedIn}. ` +
      `Its record: ${stats.failures} failed and ${stats.successes} passed of ${stats.uses} runs; status ${sinking.status}. ` +
      `Labelled retrieval questions expecting it: ${figures.sinkingLabelled}.`,
  );

  console.log('\n2. A learned fix is cited first next time');
  for (const fix of fixes) {
    const verdicts = fix.verdicts.map((passed) => (passed ? 'passed' : 'failed'));
    console.log(
      `\n${fix.name}: session runs ${verdicts.join(', ') || 'none'}; the repair fixed ${fix.repaired ?? 'nothing'}; approved as ${fix.learnedPatternId ?? 'nothing'}.`,
    );
    console.log(
      `/debug cited: ${fix.cited.map((citation) => `${citation.id}${citation.fix ? ` (filed fix; ${citation.record})` : ''}`).join(', ') || 'nothing'}.`,
    );
  }
  if (figures.unexpectedRequests)
    console.log(`\nnote: the model was asked ${figures.unexpectedRequests} time(s) more than the script planned.`);

  const inTop3 = sinking.questions.filter((question) => question.before !== null && question.before <= 3);
  const leftTop3 = inTop3.filter((question) => question.after === null || question.after > 3);
  const sank = citedIn === 3 && inTop3.length > 0 && leftTop3.length === inTop3.length;
  const recallHeld = recall.after >= recall.before - 0.01;
  const targets = [
    {
      measure: `\`${sinking.patternId}\` after ${stats.failures} failed of ${stats.uses} runs`,
      figure: `out of the top 3 for ${leftTop3.length} of the ${inTop3.length} questions it was top 3 for; ${sinking.status}`,
      target: 'leaves the top 3 for its questions',
      met: sank,
    },
    ...fixes.map((fix) => ({
      measure: `learned fix in \`/debug\`'s citations, ${fix.name}`,
      figure: fix.rank === null ? 'not cited' : `rank ${fix.rank}${tieNote(fix)}`,
      target: 'first',
      met: fix.rank === 1,
    })),
    {
      measure: 'recall@5 on the labelled set, before → after',
      figure: `${recall.before.toFixed(3)} → ${recall.after.toFixed(3)}`,
      target: 'after ≥ before − 0.01',
      met: recallHeld,
    },
  ];
  console.log('\n| measure | figure | target | |');
  console.log('| --- | --- | --- | --- |');
  for (const row of targets) console.log(`| ${row.measure} | ${row.figure} | ${row.target} | ${verdict(row.met)} |`);
  console.log(`\ntook ${figures.seconds.toFixed(1)} s from starting the server to this report`);
  return targets.every((row) => row.met);
}

/**
 * When the first two citations are filed fixes with the same record: learned patterns come first among equals
 * (`findFixingPatterns`), so say the learned fix won on that rule, not on its record.
 */
function tieNote(fix: LearnedFixFigures): string {
  const [first, second] = fix.cited;
  if (!first?.fix || !second?.fix || first.record !== second.record) return '';
  const other = second.id === fix.learnedPatternId ? first.id : second.id;
  return ` (same record as ${other}; among equal fixes the learned one, the approved code that fixed it, comes first)`;
}
