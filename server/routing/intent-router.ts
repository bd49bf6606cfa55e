import type { TurnEventOf } from '../chat/turn-events.ts';

export type IntentDecision = Omit<TurnEventOf<'intent'>, 'type' | 'turnId' | 'seq'>;

/** Picks the agent for a message, with its confidence, how it decided, and why. */
export interface IntentRouter {
  route(text: string): IntentDecision;
}

/**
 * The router until the classifier lands: every message goes to the ask agent,
 * and the decision says so rather than pretending to have classified it.
 */
export const askEverythingRouter: IntentRouter = {
  route: () => ({
    intent: 'ask',
    confidence: 1,
    via: 'rule',
    reason: 'every message goes to the ask agent until the intent classifier is available',
  }),
};
