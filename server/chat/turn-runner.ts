import type { Logger } from 'pino';
import type { Agent, AgentContext, AgentResult } from '../agents/agent.ts';
import { LlmError } from '../llm/llm-error.ts';
import { costOf } from '../llm/pricing.ts';
import type { IntentDecision } from '../routing/intent-router.ts';
import { DeltaCoalescer, realTimers, type Timers } from './delta-coalescer.ts';
import type { Engine, TurnEventBody, Usage } from '../../protocol/turn-events.ts';
import type { TurnLog } from './turn-log.ts';
import { TurnAbort } from './turn-registry.ts';

export interface TurnRun {
  log: TurnLog;
  agent: Agent;
  context: Omit<AgentContext, 'signal'>;
  intent: IntentDecision;
  engine: Engine;
  userMessageId: string;
  assistantMessageId: string;
  /** Whether the model runs locally (its tokens cost nothing). */
  localModel: boolean;
}

/**
 * Runs one turn and writes its whole event stream to the turn's log:
 * `turn.start`, `intent`, the agent's events (deltas batched), then exactly one
 * of `turn.end` (including after Stop, with the partial answer kept) or
 * `turn.error` (with a message safe to show and whether retrying may help).
 */
export async function runTurn(
  run: TurnRun,
  finish: (final: Extract<TurnEventBody, { type: 'turn.end' | 'turn.error' }>) => Promise<void>,
  log: Logger,
  timers: Timers = realTimers,
): Promise<void> {
  const { log: turnLog, engine } = run;
  const startedAt = timers.now();
  let firstTokenAt: number | null = null;
  let streamedCharacters = 0;
  const coalescer = new DeltaCoalescer((body) => turnLog.append(body), 16, timers);

  turnLog.append({
    type: 'turn.start',
    conversationId: turnLog.conversationId,
    userMessageId: run.userMessageId,
    assistantMessageId: run.assistantMessageId,
    engine,
  });
  turnLog.append({ type: 'intent', ...run.intent });

  const signal = turnLog.controller.signal;
  const latency = () => ({
    firstTokenMs: firstTokenAt === null ? null : Math.round(firstTokenAt - startedAt),
    totalMs: Math.round(timers.now() - startedAt),
  });
  const usageOf = (usage: AgentResult['usage']): Usage => costOf(engine, usage, { local: run.localModel });

  try {
    const events = run.agent.run({ ...run.context, signal });
    let result: AgentResult;
    for (;;) {
      const next = await events.next();
      if (next.done) {
        result = next.value;
        break;
      }
      if (next.value.type === 'text.delta') {
        firstTokenAt ??= timers.now();
        streamedCharacters += next.value.delta.length;
      }
      coalescer.push(next.value);
    }
    coalescer.flush();
    await finish({
      type: 'turn.end',
      finishReason: result.finishReason,
      usage: usageOf(result.usage),
      latency: latency(),
    });
  } catch (error) {
    coalescer.flush();
    const abort = signal.aborted ? signal.reason : undefined;
    if (abort instanceof TurnAbort && abort.reason === 'stopped') {
      // The provider never reported usage for a cut-short answer: estimate the output at 4 characters a token.
      const usage = usageOf({ inputTokens: 0, outputTokens: Math.ceil(streamedCharacters / 4) });
      await finish({ type: 'turn.end', finishReason: 'stopped', usage, latency: latency() });
    } else if (abort instanceof TurnAbort) {
      await finish({
        type: 'turn.error',
        code: 'interrupted',
        message: 'The server restarted while this answer was being written; the part written so far is kept.',
        retryable: true,
      });
    } else if (error instanceof LlmError) {
      log.warn({ err: error, turnId: turnLog.turnId }, 'model call failed');
      await finish({ type: 'turn.error', code: error.code, message: error.message, retryable: error.retryable });
    } else {
      log.error({ err: error, turnId: turnLog.turnId }, 'turn failed');
      await finish({
        type: 'turn.error',
        code: 'internal_error',
        message: 'Something went wrong while answering; the server log has the details.',
        retryable: true,
      });
    }
  }
}
