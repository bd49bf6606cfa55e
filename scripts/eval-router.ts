// `npm run eval:router`: accuracy of the intent router on the held-out messages in
// server/routing/dataset/held-out.txt (overall, per intent, and a confusion matrix), with the classifier
// trained on training.txt exactly as at start-up and no LLM. Exits non-zero below 0.9.
//   --cross-validate  10-fold cross-validation of the training set instead (the held-out set is not read),
//                     with a sweep of the low-confidence threshold; this is what to iterate on.
//   --verbose         lists every miss.
import type { Intent } from '../protocol/turn-events.ts';
import { ClassifierIntentRouter, minimumConfidence } from '../server/routing/classifier-intent-router.ts';
import { IntentClassifier } from '../server/routing/intent-classifier.ts';
import { loadIntentExamples, type IntentExample } from '../server/routing/intent-examples.ts';
import { intents } from '../server/routing/intent-router.ts';

interface Outcome {
  example: IntentExample;
  /** The classifier's own best guess and its probability. */
  guess: Intent;
  confidence: number;
  /** What the router answered (the guess, or `ask` below the threshold). */
  routed: Intent;
  reason: string;
}

const verbose = process.argv.includes('--verbose');
const crossValidate = process.argv.includes('--cross-validate');
const training = loadIntentExamples('training');
const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

async function score(
  classifier: IntentClassifier,
  examples: IntentExample[],
  threshold = minimumConfidence,
): Promise<Outcome[]> {
  const router = new ClassifierIntentRouter(classifier, threshold);
  const outcomes: Outcome[] = [];
  for (const example of examples) {
    const classification = classifier.classify(example.text);
    const { decision } = await router.route(example.text);
    outcomes.push({
      example,
      guess: classification.intent,
      confidence: classification.confidence,
      routed: decision.intent,
      reason: decision.reason,
    });
  }
  return outcomes;
}

function report(outcomes: Outcome[]) {
  console.log('| intent | examples | accuracy (recall) | precision |');
  console.log('| --- | --- | --- | --- |');
  for (const intent of intents) {
    const expected = outcomes.filter((outcome) => outcome.example.intent === intent);
    const predicted = outcomes.filter((outcome) => outcome.routed === intent);
    const right = expected.filter((outcome) => outcome.routed === intent).length;
    console.log(
      `| ${intent} | ${expected.length} | ${percent(right / expected.length)} | ${predicted.length ? percent(right / predicted.length) : '–'} |`,
    );
  }
  const accuracy = outcomes.filter((outcome) => outcome.routed === outcome.example.intent).length / outcomes.length;
  console.log(`| **overall** | ${outcomes.length} | **${percent(accuracy)}** | |`);

  console.log('\nconfusion matrix (rows: expected, columns: routed)\n');
  console.log(`| | ${intents.join(' | ')} |`);
  console.log(`| --- |${intents.map(() => ' ---:').join(' |')} |`);
  for (const expected of intents) {
    const row = intents.map(
      (routed) => outcomes.filter((outcome) => outcome.example.intent === expected && outcome.routed === routed).length,
    );
    console.log(`| ${expected} | ${row.join(' | ')} |`);
  }

  const fallbacks = outcomes.filter((outcome) => outcome.confidence < minimumConfidence);
  const rawAccuracy = outcomes.filter((outcome) => outcome.guess === outcome.example.intent).length / outcomes.length;
  console.log(
    `\nclassifier alone (no fallback): ${percent(rawAccuracy)}; low-confidence fallbacks to ask: ${fallbacks.length}`,
  );
  console.log(
    `calibration: expected calibration error ${expectedCalibrationError(outcomes).toFixed(3)} (0 = the confidence is the hit rate)`,
  );
  if (verbose) {
    console.log('\nmisses:');
    for (const outcome of outcomes.filter((outcome) => outcome.routed !== outcome.example.intent)) {
      const text = outcome.example.text.replace(/\s+/g, ' ').slice(0, 110);
      console.log(
        `- line ${outcome.example.line}: expected ${outcome.example.intent}, routed ${outcome.routed} (guess ${outcome.guess} ${percent(outcome.confidence)}): ${text}\n    ${outcome.reason}`,
      );
    }
  }
  return accuracy;
}

/** Weighted gap between confidence and hit rate, over ten equal-width confidence bins. */
function expectedCalibrationError(outcomes: Outcome[]) {
  let total = 0;
  for (let bin = 0; bin < 10; bin += 1) {
    const inBin = outcomes.filter((outcome) => Math.min(Math.floor(outcome.confidence * 10), 9) === bin);
    if (inBin.length === 0) continue;
    const hitRate = inBin.filter((outcome) => outcome.guess === outcome.example.intent).length / inBin.length;
    const meanConfidence = inBin.reduce((sum, outcome) => sum + outcome.confidence, 0) / inBin.length;
    total += (inBin.length / outcomes.length) * Math.abs(hitRate - meanConfidence);
  }
  return total;
}

if (crossValidate) {
  const folds = 10;
  const foldOf = new Map<IntentExample, number>();
  for (const intent of intents)
    training
      .filter((example) => example.intent === intent)
      .forEach((example, index) => foldOf.set(example, index % folds));
  const started = performance.now();
  const outcomes: Outcome[] = [];
  for (let fold = 0; fold < folds; fold += 1) {
    const classifier = IntentClassifier.train(training.filter((example) => foldOf.get(example) !== fold));
    outcomes.push(
      ...(await score(
        classifier,
        training.filter((example) => foldOf.get(example) === fold),
      )),
    );
  }
  console.log(
    `\n${folds}-fold cross-validation of the training set (${training.length} messages, ${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
  );
  report(outcomes);
  console.log('\nthreshold sweep: guesses below the threshold go to ask\n');
  console.log('| threshold | router accuracy | fallbacks | their guess was right | ask was right |');
  console.log('| --- | --- | --- | --- | --- |');
  for (let step = 0; step <= 14; step += 1) {
    const threshold = step / 20;
    const below = outcomes.filter((outcome) => outcome.confidence < threshold);
    const right = outcomes.filter(
      (outcome) => (outcome.confidence >= threshold ? outcome.guess : 'ask') === outcome.example.intent,
    ).length;
    const share = (count: number) => (below.length ? percent(count / below.length) : '–');
    const marker = Math.abs(threshold - minimumConfidence) < 1e-9 ? ' ← in use' : '';
    console.log(
      `| ${threshold.toFixed(2)}${marker} | ${percent(right / outcomes.length)} | ${below.length} | ${share(below.filter((outcome) => outcome.guess === outcome.example.intent).length)} | ${share(below.filter((outcome) => outcome.example.intent === 'ask').length)} |`,
    );
  }
} else {
  const heldOut = loadIntentExamples('held-out');
  const started = performance.now();
  const classifier = IntentClassifier.train(training);
  const trainedMs = performance.now() - started;
  const outcomes = await score(classifier, heldOut);
  console.log(
    `\nheld-out set: ${heldOut.length} messages; trained on ${training.length} in ${trainedMs.toFixed(0)} ms; threshold ${minimumConfidence}; no LLM\n`,
  );
  const accuracy = report(outcomes);
  console.log(`\naccuracy = ${accuracy.toFixed(3)} (target ≥ 0.9): ${accuracy >= 0.9 ? 'met' : 'NOT met'}`);
  process.exitCode = accuracy >= 0.9 ? 0 : 1;
}
