import { ClassifierIntentRouter } from './classifier-intent-router.ts';
import { IntentClassifier } from './intent-classifier.ts';
import { loadIntentExamples } from './intent-examples.ts';
import type { IntentRouter } from './intent-router.ts';

let router: ClassifierIntentRouter | undefined;

/**
 * The router trained on `dataset/training.txt`. Training is deterministic and
 * takes a fraction of a second, so it happens in-process on first use (at
 * start-up, when the chat module is built) and the result is shared by the chat
 * and `POST /api/v1/route`, rather than stored as a model file that could drift
 * from the dataset.
 */
export function trainedIntentRouter(): IntentRouter {
  router ??= new ClassifierIntentRouter(IntentClassifier.train(loadIntentExamples('training')));
  return router;
}
