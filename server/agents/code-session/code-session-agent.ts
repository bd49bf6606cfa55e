import type { ErrorSignature } from '../../../knowledge/errors/error-signature.ts';
import { findError } from '../../../knowledge/errors/find-error.ts';
import { findFixingPatterns, type FixingPattern } from '../../../knowledge/errors/fixing-patterns.ts';
import { learnedSignature } from '../../../knowledge/learning/error-of-output.ts';
import type { ErrorSignature as LearnedErrorSignature } from '../../../knowledge/learning/pattern-learning.ts';
import type { Pattern } from '../../../knowledge/patterns/pattern.ts';
import type { RetrievedPattern } from '../../../knowledge/retrieval/hybrid-retriever.ts';
import { languageNamedIn } from '../../../knowledge/retrieval/language-hint.ts';
import { runLanguages, type RunLanguage } from '../../../protocol/runs.ts';
import type { Citation } from '../../../protocol/turn-events.ts';
import { writesCode } from '../../llm/engine-kind.ts';
import type { LlmMessage, LlmProvider, TokenUsage } from '../../llm/llm-provider.ts';
import type { Agent, AgentContext, AgentEvent, AgentResult } from '../agent.ts';
import { converseWithTools, type ToolConversation } from '../converse-with-tools.ts';
import type { DebugKnowledge } from '../debug/debug-agent.ts';
import { likelyCause } from '../debug/likely-causes.ts';
import { composeOfflineCode, whatToBuild } from './offline-code.ts';
import { retrievePatterns, toCitation, toGrounding, type PatternSearch } from '../retrieve-patterns.ts';
import { relayModel } from '../stream-text.ts';
import type { ConfirmTool } from '../tool-confirmations.ts';
import { builtOn } from './built-on.ts';
import { extractCode, unrunnableLanguages, type RunnableCode } from './extract-code.ts';
import { pastedRun } from './pasted-code.ts';
import { describeResult } from './describe-result.ts';
import { sessionTools } from './session-tools.ts';
import { codeSessionSystemPrompt, repairRequest } from './session-prompts.ts';
import { relayRun, startRun, type SessionRuns } from './session-runs.ts';

export interface CodeSessionDependencies {
  provider: LlmProvider;
  retriever?: PatternSearch;
  /** The sandbox runs; undefined (or answering undefined) where code cannot run, and the session says so. */
  runs?: () => SessionRuns | undefined;
  /** The graph and patterns, to find the fixes filed for a failure's error. */
  knowledge?: DebugKnowledge;
  /** Where a repair that made the code pass files its cited patterns as fixes for the error. */
  learning?: { recordFix(patternIds: string[], signature: LearnedErrorSignature): Promise<unknown> };
  /** Asks the user before a tool that may write runs (models only). */
  confirm?: ConfirmTool;
  maxRepairs?: number;
  maxOutputTokens?: number;
}

interface Attempt {
  code: RunnableCode;
  /** The patterns this code was built on (credited or blamed by its run). */
  patternIds: string[];
  /** For a repair: the error it repairs and the patterns the repair cited. */
  repairs?: { signature: ErrorSignature; cited: string[] };
}

/**
 * A code session, one turn: plan (retrieve patterns) → generate (the model writes code and tests; the offline
 * engine offers the closest verified pattern; pasted code is taken as given) → validate (run in the sandbox,
 * output streamed) → while it fails and a model can write: repair (the failure reduced to its error signature,
 * the fixes filed for it as grounding) → validate again, at most `maxRepairs` times → done. Every attempt is a
 * sandbox run naming the patterns it was built on, so its verdict credits or blames them; a repair that made the
 * code pass files the patterns it cited as fixes for the error. Nothing runs on the host: without a sandbox the
 * session says the code was not run, and why.
 */
export class CodeSessionAgent implements Agent {
  private readonly maxRepairs: number;

  constructor(private readonly dependencies: CodeSessionDependencies) {
    this.maxRepairs = dependencies.maxRepairs ?? 3;
  }

  async *run(context: AgentContext): AsyncGenerator<AgentEvent, AgentResult> {
    const usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
    const model = writesCode(this.dependencies.provider.engine);
    const citations: Citation[] = [];
    yield { type: 'session.phase', phase: 'plan', attempt: 1 };

    const pasted = pastedRun(context.message);
    let attempt: Attempt | undefined;
    let approvable = true;
    let conversation: LlmMessage[] = [...context.history, { role: 'user', content: context.message }];
    let finishReason: AgentResult['finishReason'] = 'stop';
    let missing = 'the answer has no code in a language the sandbox runs';
    /** The patterns retrieved for the request: a repaired attempt may still be built on them. */
    let shown: Pattern[] = [];
    if (pasted) {
      attempt = { code: pasted, patternIds: [] };
      yield say(
        `I'll run your ${languageName(pasted.language)} code${pasted.tests ? ' and its tests' : ''} in Kiln's sandbox.\n`,
      );
    } else {
      const language = languageNamedIn(context.message);
      const used = yield* this.retrieve(whatToBuild(context.message), language, citations, context.project);
      shown = used.map((result) => result.pattern);
      yield { type: 'session.phase', phase: 'generate', attempt: 1 };
      if (model) {
        const written = yield* this.converse(conversation, used, context);
        addUsage(usage, written.result.usage);
        finishReason = written.result.finishReason;
        conversation = [...conversation, { role: 'assistant', content: written.text }];
        const code = extractCode(written.lastText) ?? extractCode(written.text);
        if (code)
          attempt = {
            code,
            patternIds: builtOn(
              code.code,
              used.map((result) => result.pattern),
            ),
          };
        const others = unrunnableLanguages(written.text);
        if (!code && others.length) missing = `Kiln's sandbox does not run ${others.join(', ')}`;
      } else {
        const offline = yield* relayModel(
          this.dependencies.provider,
          {
            system: codeSessionSystemPrompt,
            messages: conversation,
            maxOutputTokens: this.dependencies.maxOutputTokens ?? 8192,
            grounding: used.map(toGrounding),
            composed: () => composeOfflineCode(context.message, used, language),
          },
          context.signal,
        );
        addUsage(usage, offline.usage);
        // The closest verified pattern is what the offline engine offers; its own tests show it working here.
        approvable = false;
        const best = used[0]?.pattern;
        if (best && isRunLanguage(best.language)) {
          attempt = {
            code: { language: best.language, code: best.code, tests: best.tests },
            patternIds: [best.id],
          };
        } else {
          missing = best
            ? `Kiln's sandbox does not run ${best.language}`
            : 'no stored pattern matches and no model is configured to write new code';
        }
      }
    }

    if (!attempt) {
      yield* this.finish({ status: 'not-run', attempts: 0, reason: missing, approvable: false });
      return { finishReason, usage };
    }

    for (let number = 1; ; number += 1) {
      yield { type: 'session.phase', phase: 'validate', attempt: number };
      const runs = this.dependencies.runs?.();
      const started = runs
        ? await startRun(runs, context.user, {
            language: attempt.code.language,
            code: attempt.code.code,
            ...(attempt.code.tests ? { tests: attempt.code.tests } : {}),
            ...(attempt.patternIds.length ? { patternIds: attempt.patternIds } : {}),
          })
        : { reason: 'code execution is not available in this Kiln process' };
      yield {
        type: 'session.attempt',
        attempt: number,
        language: attempt.code.language,
        code: attempt.code.code,
        tests: attempt.code.tests,
        runId: 'runId' in started ? started.runId : null,
        patternIds: attempt.patternIds,
        ...(attempt.repairs
          ? {
              repairs: {
                signatureId: attempt.repairs.signature.id,
                message: learnedSignature(attempt.repairs.signature).message,
              },
            }
          : {}),
      };
      if (!('runId' in started) || !runs) {
        const reason = 'reason' in started ? started.reason : 'code execution is not available';
        yield say(`\n**Not run:** ${reason.replace(/\.$/, '')}. Nothing was verified.\n`);
        yield* this.finish({ status: 'not-run', attempts: number, reason, approvable: false });
        return { finishReason, usage };
      }
      const ran = yield* relayRun(runs, context.user, started.runId, context.signal);
      if (ran.status === 'not-run') {
        yield* this.finish({ status: 'not-run', attempts: number, reason: ran.reason, approvable: false });
        return { finishReason, usage };
      }
      if (ran.passed) {
        if (attempt.repairs?.cited.length && this.dependencies.learning) {
          await this.dependencies.learning
            .recordFix(attempt.repairs.cited, learnedSignature(attempt.repairs.signature))
            // A store that cannot be written loses this lesson, never the user's answer.
            .catch(() => undefined);
        }
        const reason = `${describeResult(ran.result)}${number > 1 ? ` on attempt ${number}` : ''}`;
        yield say(`\n**Passed:** ${reason}.\n`);
        yield* this.finish({ status: 'passed', attempts: number, reason, approvable });
        return { finishReason, usage };
      }

      const signature = findError(ran.failure);
      const fixes = signature ? await this.fixesFor(signature) : [];
      const related = signature ? await this.related(signature, attempt.code.language, fixes, citations) : [];
      if (fixes.length || related.length) {
        const known = new Set(citations.map((citation) => citation.patternId));
        for (const fix of fixes) {
          if (!known.has(fix.pattern.id)) {
            citations.unshift({
              patternId: fix.pattern.id,
              title: fix.pattern.title,
              language: fix.pattern.language,
              score: 1,
              sources: { graph: fix.match === 'exact' ? 1 : 0.5 },
            });
          }
        }
        for (const result of related) if (!known.has(result.pattern.id)) citations.push(toCitation(result));
        yield { type: 'retrieval', citations: [...citations] };
      }
      const failed = describeResult(ran.result) || firstLine(ran.failure) || 'it did not run';
      if (!model || number > this.maxRepairs) {
        const reason = model
          ? `still failing after ${this.maxRepairs} repairs: ${failed}`
          : `${failed}; without a model Kiln cannot repair it`;
        yield say(composeFailure(reason, signature, fixes, related, model));
        yield* this.finish({ status: 'failed', attempts: number, reason, approvable: false });
        return { finishReason, usage };
      }

      yield { type: 'session.phase', phase: 'repair', attempt: number + 1 };
      yield say(`\n**Attempt ${number} failed:** ${failed}. Repairing…\n\n`);
      const grounding: RetrievedPattern[] = [
        // A fix filed for this very error applies by construction: full relevance.
        ...fixes.map((fix) => ({ pattern: fix.pattern, score: 1, sources: {}, relevance: 1 })),
        ...related,
      ];
      conversation = [
        ...conversation,
        {
          role: 'user',
          content: repairRequest({
            attempt: attempt.code,
            failure: ran.failure,
            signature: signature && learnedSignature(signature),
            fixes: fixes.map((fix) => fix.pattern),
            repairsLeft: this.maxRepairs - number + 1,
          }),
        },
      ];
      const repaired: ToolConversation = yield* this.converse(conversation, grounding, context);
      addUsage(usage, repaired.result.usage);
      conversation = [...conversation, { role: 'assistant', content: repaired.text }];
      const code = extractCode(repaired.lastText) ?? extractCode(repaired.text);
      if (!code) {
        const reason = `the repair after attempt ${number} had no runnable code`;
        yield* this.finish({ status: 'failed', attempts: number, reason, approvable: false });
        return { finishReason, usage };
      }
      // Filed as fixes for the error when the repair passes: the known fixes the model was given, and the patterns
      // the repaired code is visibly built on (a search hit it ignored is no evidence of a fix).
      const cited = [
        ...new Set([
          ...fixes.map((fix) => fix.pattern.id),
          ...builtOn(
            code.code,
            grounding.map((result) => result.pattern),
          ),
        ]),
      ];
      attempt = {
        code,
        patternIds: [...new Set([...builtOn(code.code, shown), ...cited])],
        ...(signature ? { repairs: { signature, cited } } : {}),
      };
    }
  }

  private async *retrieve(
    query: string,
    language: string | undefined,
    citations: Citation[],
    project: AgentContext['project'],
  ) {
    if (!this.dependencies.retriever) {
      yield { type: 'retrieval', citations: [] } satisfies AgentEvent;
      return [] as RetrievedPattern[];
    }
    const retrieved = await retrievePatterns(this.dependencies.retriever, query, { k: 5, prefer: language, project });
    citations.push(...retrieved.grounding.map((result) => toCitation(result, project)));
    yield {
      type: 'retrieval',
      citations: [...citations],
      ...(retrieved.event.notice ? { notice: retrieved.event.notice } : {}),
    } satisfies AgentEvent;
    return retrieved.grounding;
  }

  private converse(
    messages: LlmMessage[],
    grounding: RetrievedPattern[],
    context: AgentContext,
  ): AsyncGenerator<AgentEvent, ToolConversation> {
    const runs = this.dependencies.runs?.();
    return converseWithTools(
      this.dependencies.provider,
      {
        system: codeSessionSystemPrompt,
        messages,
        maxOutputTokens: this.dependencies.maxOutputTokens ?? 8192,
        grounding: grounding.map(toGrounding),
      },
      sessionTools({ retriever: this.dependencies.retriever, runs, user: context.user }),
      context,
      { confirm: this.dependencies.confirm, maxCalls: 6 },
    );
  }

  private async fixesFor(signature: ErrorSignature): Promise<FixingPattern[]> {
    const { graph, patterns } = this.dependencies.knowledge ?? {};
    if (!graph || !patterns) return [];
    // An unreadable graph costs the known fixes, not the session.
    return findFixingPatterns(signature, { graph, patterns }).catch(() => []);
  }

  /** Patterns similar to the failure's error, besides its filed fixes (at most two in all). */
  private async related(
    signature: ErrorSignature,
    language: string,
    fixes: FixingPattern[],
    citations: Citation[],
  ): Promise<RetrievedPattern[]> {
    if (!this.dependencies.retriever) return [];
    const query = `${signature.type.split('.').at(-1)} ${signature.template.replace(/<[a-z]+>/g, ' ')}`;
    const retrieved = await retrievePatterns(this.dependencies.retriever, query, { k: 5, prefer: language });
    const taken = new Set([...fixes.map((fix) => fix.pattern.id), ...citations.map((citation) => citation.patternId)]);
    return retrieved.grounding
      .filter((result) => !taken.has(result.pattern.id))
      .slice(0, Math.max(0, 2 - fixes.length));
  }

  private *finish(outcome: {
    status: 'passed' | 'failed' | 'not-run';
    attempts: number;
    reason: string;
    approvable: boolean;
  }) {
    yield { type: 'session.outcome', ...outcome } satisfies AgentEvent;
    yield { type: 'session.phase', phase: 'done', attempt: Math.max(1, outcome.attempts) } satisfies AgentEvent;
  }
}

/** The answer's last words on a failure: what the error means and the fixes on record, like the debug agent's. */
function composeFailure(
  reason: string,
  signature: ErrorSignature | undefined,
  fixes: FixingPattern[],
  related: RetrievedPattern[],
  model: boolean,
): string {
  const lines = ['', `**Still failing:** ${reason}.`, ''];
  if (signature) {
    const { type, message } = signature;
    lines.push(`The error: \`${type && !message.startsWith(type) ? `${type}: ${message}` : message}\``, '');
    const cause = likelyCause(signature);
    if (cause) {
      lines.push(cause.meaning, '', ...cause.causes.slice(0, 3).map((text) => `- ${text}`), '');
      if (cause.fixes.length)
        lines.push('To fix it:', '', ...cause.fixes.map((text, index) => `${index + 1}. ${text}`), '');
    }
  }
  if (fixes.length) {
    lines.push('Patterns on record as fixes for this error:', '', ...fixes.map((fix) => `- ${fix.pattern.title}`), '');
  } else if (related.length) {
    lines.push('Related patterns:', '', ...related.map((result) => `- ${result.pattern.title}`), '');
  }
  if (!model) lines.push('Configure a model (see README) and Kiln will repair the code and run it again.');
  return `${lines.join('\n')}\n`;
}

function firstLine(text: string): string {
  return (text.split('\n').find((line) => line.trim()) ?? '').trim().replace(/\.$/, '');
}

function say(text: string): AgentEvent {
  return { type: 'text.delta', delta: text };
}

function addUsage(total: TokenUsage, more: TokenUsage) {
  total.inputTokens += more.inputTokens;
  total.outputTokens += more.outputTokens;
}

function isRunLanguage(language: string): language is RunLanguage {
  return (runLanguages as readonly string[]).includes(language);
}

const names: Record<RunLanguage, string> = {
  typescript: 'TypeScript',
  javascript: 'JavaScript',
  python: 'Python',
  shell: 'shell',
};

const languageName = (language: RunLanguage) => names[language];
