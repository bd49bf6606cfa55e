import type { Intent, TurnEventOf } from '../../protocol/turn-events.ts';

export type IntentDecision = Omit<TurnEventOf<'intent'>, 'type' | 'turnId' | 'seq'>;

export interface RoutedMessage {
  decision: IntentDecision;
  /** The text the agent answers: the message without a leading slash command. */
  text: string;
}

/**
 * Picks the agent for a message, with its confidence, how it decided, and why.
 * An explicit `override` (the user chose the agent) always wins.
 */
export interface IntentRouter {
  route(text: string, override?: Intent): Promise<RoutedMessage>;
}

export const intents: readonly Intent[] = ['ask', 'generate', 'review', 'debug', 'migrate', 'tool', 'smalltalk'];

/** The decision when the user picked the agent themselves. */
export function userOverride(intent: Intent): IntentDecision {
  return { intent, confidence: 1, via: 'user', reason: `you chose the ${intent} agent` };
}
