import type { Intent } from '../../protocol/turn-events.ts';
import type { IntentClassification, MessageClassifier } from './intent-classifier.ts';
import { userOverride, type IntentDecision, type IntentRouter, type RoutedMessage } from './intent-router.ts';
import { signalPhrases } from './message-anatomy.ts';
import { pastedRun } from '../agents/code-session/pasted-code.ts';
import { parseSlashCommand } from './slash-command.ts';

/**
 * Below this probability the classifier's best guess is not trusted and the
 * message goes to the ask agent, which can answer anything. Chosen from the
 * sweep of a 10-fold cross-validation of the training set (`npm run
 * eval:router -- --cross-validate`): the guesses below 0.45 are wrong more
 * often than right (46 % right), and sending them to ask costs about half a
 * point of accuracy, a fair price for not running a wrong specialist (a tool
 * acting on files, say) on a message the router could not read.
 */
export const minimumConfidence = 0.45;

/**
 * Routes a message: the user's explicit choice first, then a leading slash
 * command, then pasted code asked to be run (a code session), then the offline
 * classifier, falling back to `ask` when unsure.
 */
export class ClassifierIntentRouter implements IntentRouter {
  constructor(
    private readonly classifier: MessageClassifier,
    private readonly threshold = minimumConfidence,
  ) {}

  async route(message: string, override?: Intent): Promise<RoutedMessage> {
    const command = parseSlashCommand(message);
    const text = command ? command.text : message;
    if (override) return { text, decision: userOverride(override) };
    if (command) {
      return {
        text,
        decision: {
          intent: command.intent,
          confidence: 1,
          via: 'rule',
          reason: `the message starts with /${command.command}`,
        },
      };
    }
    if (pastedRun(message)) {
      return {
        text,
        decision: {
          intent: 'generate',
          confidence: 0.99,
          via: 'rule',
          reason: 'the message pastes code and asks to run it, so a code session runs it',
        },
      };
    }
    return { text, decision: this.classify(message) };
  }

  private classify(message: string): IntentDecision {
    const classification = this.classifier.classify(message);
    const confidence = round(classification.confidence);
    if (classification.confidence >= this.threshold) {
      return { intent: classification.intent, confidence, via: 'classifier', reason: explain(classification) };
    }
    const guess = `${classification.intent} at ${Math.round(classification.confidence * 100)} %`;
    return {
      intent: 'ask',
      confidence: round(classification.probabilities.ask),
      via: 'classifier',
      reason: `not sure what this is (best guess ${guess}, below ${Math.round(this.threshold * 100)} %), so the ask agent answers it`,
    };
  }
}

/** E.g. `contains a stack trace and says "why", "crash"`. */
function explain({ intent, evidence }: IntentClassification): string {
  const parts = evidence.signals.map((signal) => signalPhrases[signal]);
  if (evidence.words.length > 0) parts.push(`says ${evidence.words.map((word) => `"${word}"`).join(', ')}`);
  if (parts.length === 0) return `reads most like the ${intent} examples`;
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** Three decimals, and never a flat 1: certainty is for slash commands and the user's own choice. */
const round = (probability: number) => Math.min(Math.round(probability * 1000) / 1000, 0.999);
