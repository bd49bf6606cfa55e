import type { Agent, AgentContext, AgentEvent, AgentResult } from '../../server/agents/agent.ts';

/** A turn's context for an agent under test: a member with no history unless given, and a signal that aborts only if given one that does. */
export function agentContext(
  message: string,
  options: { history?: AgentContext['history']; signal?: AbortSignal } = {},
): AgentContext {
  return {
    turnId: 't1',
    conversationId: 'c1',
    user: {
      id: 'u1',
      email: 'dev@example.com',
      name: null,
      role: 'member',
      createdAt: new Date(0),
    } as AgentContext['user'],
    message,
    history: options.history ?? [],
    signal: options.signal ?? new AbortController().signal,
  };
}

/** Runs one turn of an agent to its end: every event it yielded, its result, and the text its deltas add up to. */
export async function runAgent(
  agent: Agent,
  context: AgentContext,
): Promise<{ events: AgentEvent[]; result: AgentResult; text: string }> {
  const events: AgentEvent[] = [];
  const iterator = agent.run(context);
  for (;;) {
    const step = await iterator.next();
    if (step.done)
      return {
        events,
        result: step.value,
        text: events.map((event) => (event.type === 'text.delta' ? event.delta : '')).join(''),
      };
    events.push(step.value);
  }
}
