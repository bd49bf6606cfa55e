import { Hono } from 'hono';
import { z } from 'zod';
import { requireUser } from '../auth/require-user.ts';
import { maxMessageLength } from '../chat/chat-service.ts';
import type { IntentRouter } from '../routing/intent-router.ts';
import { trainedIntentRouter } from '../routing/trained-intent-router.ts';
import { parseInput } from '../validation/parse-input.ts';
import type { ApiEnv } from './api-env.ts';
import { readJson } from './read-json.ts';

const routeSchema = z.object({
  text: z
    .string({ message: 'is required' })
    .refine((text) => text.trim().length > 0, 'must not be empty')
    .refine(
      (text) => text.length <= maxMessageLength,
      `must be at most ${maxMessageLength.toLocaleString('en')} characters`,
    ),
});

/**
 * `POST /api/v1/route` `{ text }`: which agent a message would go to, without
 * sending it: `{ intent, confidence, via, reason }`, the same decision the chat
 * makes (slash commands included). Signed-in users only.
 */
export function intentRoutes(router: () => IntentRouter = trainedIntentRouter) {
  return new Hono<ApiEnv>().use('*', requireUser).post('/', async (c) => {
    const { text } = parseInput(routeSchema, await readJson(c), 'message');
    const { decision } = await router().route(text);
    return c.json({
      intent: decision.intent,
      confidence: decision.confidence,
      via: decision.via,
      reason: decision.reason,
    });
  });
}
