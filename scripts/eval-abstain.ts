// `npm run eval:abstain`: does Kiln cite only patterns that answer the question, and say so when the store has
// nothing? A real Kiln in this process (embedded Postgres and Chroma, the seed corpus, the offline engine) on a
// throwaway data dir. Every labelled question of scripts/eval-abstain/sets is searched as the ask agent searches
// (ranking and relevance), then asked through the public API with intent `ask` as a user would, and the turn's
// `retrieval` citations are scored. Targets, on the held-out `test` split: ≥ 0.90 of out-of-scope questions get
// no citation, and ≥ 0.90 of in-scope questions whose right pattern retrieval ranks first keep it as the first
// citation. `--fit` first refits the relevance model on the `fit` split and writes
// knowledge/retrieval/relevance-model.ts; `--cv` prints both rates five-fold cross-validated on `fit` (how to judge
// a new signal without looking at `test`); `--curve` prints both rates on both splits at thresholds 0.10–0.60;
// `--verbose` lists every wrong outcome. Exits 1 on a missed target.
import os from 'node:os';
import pino from 'pino';
import { loadConfig } from '../platform/config/config.ts';
import { languageNamedIn } from '../knowledge/retrieval/language-hint.ts';
import { relevanceModel } from '../knowledge/retrieval/relevance-model.ts';
import { relevanceFromFeatures, type RelevanceFeatures } from '../knowledge/retrieval/relevance-scorer.ts';
import { startServer } from '../server/start-server.ts';
import { noQuotas } from './bench/no-quotas.ts';
import { temporaryDirectory } from '../tests/support/temporary-directory.ts';
import { eventsOf, KilnClient } from './eval-learning/kiln-client.ts';
import { fitLogistic, writeModel, type LabelledHit } from './eval-abstain/fit-relevance.ts';
import { issueExamples, loadLabelledSets, type LabelledQuestion } from './eval-abstain/labelled-sets.ts';

const refit = process.argv.includes('--fit');
const verbose = process.argv.includes('--verbose');
/** Hits per search whose relevance is fitted and calibrated: as many as a chat turn may cite. */
const cited = 5;
const target = 0.9;

interface Searched extends LabelledQuestion {
  /** The search's results, best first, as the ask agent gets them. */
  hits: { id: string; features: RelevanceFeatures }[];
  /** Pattern ids the chat turn cited, in order. */
  citations: string[];
  answer: string;
}

const started = performance.now();
const dataDir = await temporaryDirectory('kiln-eval-abstain');
const config = loadConfig({
  ...noQuotas,
  KILN_DATA_DIR: dataDir.path,
  PORT: '0',
  KILN_WORKERS: 'in-process',
});
const server = await startServer(config, pino({ level: process.env.LOG_LEVEL ?? 'warn' }));
let passed: boolean;
try {
  const { retriever, relevance } = server.knowledge;
  const labelled = await loadLabelledSets();
  const searched: Searched[] = [];
  for (const entry of labelled) {
    // Relevance judges each hit against the best ten of its search, whatever `k`: the first five of ten are
    // exactly what a chat turn's search gets.
    const { results } = await retriever.search(entry.question, { k: 10, prefer: languageNamedIn(entry.question) });
    const features = relevance.features(entry.question, results);
    searched.push({
      ...entry,
      hits: results.slice(0, cited).map((result, index) => ({ id: result.pattern.id, features: features[index]! })),
      citations: [],
      answer: '',
    });
  }

  if (refit) {
    const rows: LabelledHit[] = searched
      .filter((entry) => entry.split === 'fit')
      .flatMap((entry) =>
        entry.hits.map((hit) => ({ features: hit.features, label: hit.id === entry.patternId ? 1 : 0 }) as const),
      );
    Object.assign(relevanceModel, fitLogistic(rows));
    relevanceModel.threshold = chooseThreshold(searched.filter((entry) => entry.split === 'fit'));
    relevanceModel.fitted = {
      on: 'scripts/eval-abstain/sets, split fit',
      questions: searched.filter((entry) => entry.split === 'fit').length,
      hits: rows.length,
    };
    console.log(`refitted; written to ${await writeModel(relevanceModel)}`);
  }

  if (process.argv.includes('--cv')) crossValidate(searched.filter((entry) => entry.split === 'fit'));

  if (process.argv.includes('--curve')) {
    console.log('\n| threshold | fit: no citation | fit: kept first | test: no citation | test: kept first |');
    console.log('| --- | --- | --- | --- | --- |');
    for (let step = 10; step <= 60; step += 2) {
      const threshold = step / 100;
      const at = (split: string) =>
        measure(
          searched
            .filter((entry) => entry.split === split)
            .map((entry) => ({ ...entry, citations: citedAt(entry, threshold) })),
        );
      const [fit, test] = [at('fit'), at('test')];
      console.log(
        `| ${threshold} | ${ratio(fit.abstained)} | ${ratio(fit.kept)} | ${ratio(test.abstained)} | ${ratio(test.kept)} |`,
      );
    }
  }

  const client = new KilnClient(server.url);
  await client.register('eval-abstain@example.com');
  for (const entry of searched) Object.assign(entry, await askAsAUser(client, entry.question));

  const ready = (await (await fetch(`${server.url}/ready`)).json()) as { checks: object };
  console.log(
    `\n${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} cores, Node ${process.version} · ` +
      `${labelled.filter((entry) => entry.patternId).length} in-scope and ${labelled.filter((entry) => !entry.patternId).length} out-of-scope questions · ` +
      `offline engine · citation threshold ${relevanceModel.threshold} · ${Object.keys(ready.checks).length} readiness checks\n`,
  );
  console.log(
    '| split | out of scope: no citation | in scope: right pattern kept first | in scope: first citation right | retrieval recall@1 |',
  );
  console.log('| --- | --- | --- | --- | --- |');
  const figures = Object.fromEntries(
    (['fit', 'test', 'all'] as const).map((split) => {
      const rows = searched.filter((entry) => split === 'all' || entry.split === split);
      const figure = measure(rows);
      console.log(
        `| ${split} | ${ratio(figure.abstained)} | ${ratio(figure.kept)} | ${ratio(figure.firstRight)} | ${ratio(figure.rankedFirst)} |`,
      );
      return [split, figure];
    }),
  );

  const test = searched.filter((entry) => entry.split === 'test');
  console.log('\nCalibration on the test split (each hit a chat turn could cite):\n');
  console.log('| relevance | hits | mean relevance | share that answers the question |');
  console.log('| --- | --- | --- | --- |');
  const pairs = test.flatMap((entry) =>
    entry.hits.map((hit) => ({ p: relevanceFromFeatures(hit.features), y: hit.id === entry.patternId ? 1 : 0 })),
  );
  for (const [low, high] of [
    [0, 0.1],
    [0.1, 0.3],
    [0.3, 0.5],
    [0.5, 0.7],
    [0.7, 0.9],
    [0.9, 1.01],
  ] as const) {
    const bin = pairs.filter(({ p }) => p >= low && p < high);
    const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN);
    console.log(
      `| ${low.toFixed(1)}–${Math.min(high, 1).toFixed(1)} | ${bin.length} | ${mean(bin.map(({ p }) => p)).toFixed(2)} | ${mean(bin.map(({ y }) => y)).toFixed(2)} |`,
    );
  }
  const brier = pairs.reduce((sum, { p, y }) => sum + (p - y) ** 2, 0) / pairs.length;
  console.log(`\nBrier score ${brier.toFixed(3)} over ${pairs.length} hits.`);

  console.log('\nThe questions quoted in issue 19, asked again:\n');
  for (const example of issueExamples) {
    const outcome = await askAsAUser(client, example.question);
    console.log(
      `- “${example.question}” → ${outcome.citations.length ? `cited ${outcome.citations.join(', ')}` : 'no citation'}; ${honest(outcome.answer) ? 'says the store has nothing on it' : 'answers from the store'} (before: ${example.before})`,
    );
  }

  const abstainedOut = searched.filter((entry) => !entry.patternId && entry.citations.length === 0);
  const dishonest = abstainedOut.filter((entry) => !honest(entry.answer));
  console.log(
    `\n${abstainedOut.length - dishonest.length} of ${abstainedOut.length} uncited out-of-scope answers say plainly that the store has nothing on the question.`,
  );

  if (verbose) {
    console.log('\nWrong outcomes:');
    for (const entry of searched) {
      const relevanceOf = (id: string) =>
        relevanceFromFeatures(entry.hits.find((hit) => hit.id === id)!.features).toFixed(2);
      if (entry.patternId && entry.citations[0] !== entry.patternId)
        console.log(
          `- [${entry.split}, in] ${entry.question}\n  wanted ${entry.patternId}; ranked ${entry.hits.map((hit) => `${hit.id} ${relevanceOf(hit.id)}`).join(', ')}`,
        );
      if (!entry.patternId && entry.citations.length)
        console.log(
          `- [${entry.split}, out${entry.near ? `, near ${entry.near}` : ''}] ${entry.question}\n  cited ${entry.citations.map((id) => `${id} ${relevanceOf(id)}`).join(', ')}`,
        );
    }
  }

  const held = figures.test!;
  const checks = [
    ['out-of-scope questions with no citation (test)', held.abstained],
    ['in-scope questions that keep the right pattern first (test)', held.kept],
  ] as const;
  console.log('');
  for (const [name, value] of checks)
    console.log(
      `${name} = ${value.value.toFixed(3)} (target ≥ ${target}): ${value.value >= target ? 'met' : 'NOT met'}`,
    );
  if (dishonest.length) console.log(`${dishonest.length} uncited answers do not say the store has nothing: NOT met`);
  console.log(`(${((performance.now() - started) / 1000).toFixed(0)} s)`);
  passed = checks.every(([, value]) => value.value >= target) && dishonest.length === 0;
} finally {
  await server.stop();
  await dataDir.remove();
}
process.exit(passed ? 0 : 1);

async function askAsAUser(client: KilnClient, question: string) {
  const turn = await client.ask(question, 'ask');
  const retrieval = eventsOf(turn, 'retrieval')[0];
  return {
    citations: retrieval?.citations.map((citation) => citation.patternId) ?? [],
    answer: eventsOf(turn, 'text.delta')
      .map((event) => event.delta)
      .join(''),
  };
}

/** The offline answer's plain statement that the store has nothing on the question. */
function honest(answer: string): boolean {
  return /nothing on this/i.test(answer);
}

interface Fraction {
  value: number;
  of: number;
  count: number;
}

function measure(rows: Searched[]) {
  const fraction = (count: number, of: number): Fraction => ({ value: of ? count / of : 0, count, of });
  const inScope = rows.filter((entry) => entry.patternId);
  const outOfScope = rows.filter((entry) => !entry.patternId);
  const rankedFirst = inScope.filter((entry) => entry.hits[0]?.id === entry.patternId);
  return {
    abstained: fraction(outOfScope.filter((entry) => entry.citations.length === 0).length, outOfScope.length),
    kept: fraction(rankedFirst.filter((entry) => entry.citations[0] === entry.patternId).length, rankedFirst.length),
    firstRight: fraction(inScope.filter((entry) => entry.citations[0] === entry.patternId).length, inScope.length),
    rankedFirst: fraction(rankedFirst.length, inScope.length),
  };
}

/**
 * The threshold that serves both targets best on the given questions: the highest sum of the two rates
 * (abstention on out-of-scope questions, right pattern kept first on in-scope ones), which weighs a wrong
 * citation and a lost right one alike; ties go to the lower threshold, which keeps more right answers.
 */
function chooseThreshold(rows: Searched[]): number {
  let best = { threshold: 0.5, sum: -1 };
  for (let step = 5; step <= 95; step++) {
    const threshold = step / 100;
    const figure = measure(rows.map((entry) => ({ ...entry, citations: citedAt(entry, threshold) })));
    const sum = figure.abstained.value + figure.kept.value;
    if (sum > best.sum + 1e-9) best = { threshold, sum };
  }
  return best.threshold;
}

/** The hits a turn would cite at `threshold`. */
function citedAt(entry: Searched, threshold: number): string[] {
  return entry.hits.filter((hit) => relevanceFromFeatures(hit.features) >= threshold).map((hit) => hit.id);
}

/**
 * Five-fold cross-validation on the `fit` split: each fifth of its questions is judged by a model (and threshold)
 * fitted on the other four. How a change to the signals is judged without looking at `test`.
 */
function crossValidate(rows: Searched[]) {
  const saved = structuredClone(relevanceModel);
  const judged: Searched[] = [];
  for (let fold = 0; fold < 5; fold++) {
    const training = rows.filter((_, index) => index % 5 !== fold);
    Object.assign(
      relevanceModel,
      fitLogistic(
        training.flatMap((entry) =>
          entry.hits.map((hit) => ({ features: hit.features, label: hit.id === entry.patternId ? 1 : 0 }) as const),
        ),
      ),
    );
    const threshold = chooseThreshold(training);
    judged.push(
      ...rows
        .filter((_, index) => index % 5 === fold)
        .map((entry) => ({ ...entry, citations: citedAt(entry, threshold) })),
    );
  }
  Object.assign(relevanceModel, saved);
  const figure = measure(judged);
  console.log(
    `cross-validated on fit: no citation ${ratio(figure.abstained)}, kept first ${ratio(figure.kept)}, sum ${(figure.abstained.value + figure.kept.value).toFixed(3)}`,
  );
}

function ratio({ value, count, of }: Fraction): string {
  return `${value.toFixed(3)} (${count}/${of})`;
}
