import type { HybridRetriever } from '../../../knowledge/retrieval/hybrid-retriever.ts';
import type { ReviewFinding } from '../../../protocol/turn-events.ts';
import { LlmError } from '../../llm/llm-error.ts';
import type { LlmProvider, TokenUsage } from '../../llm/llm-provider.ts';
import { configureModelHint } from '../../llm/offline-notice.ts';
import type { Agent, AgentContext, AgentEvent, AgentResult } from '../agent.ts';
import { relayModel } from '../stream-text.ts';
import { citePatterns, type PatternCitations } from './cite-patterns.ts';
import { extractCode } from './extract-code.ts';
import { renderReview } from './render-review.ts';
import { reviewSummary } from './review-summary.ts';
import { staticReview } from './static-review.ts';

const noCodeAnswer =
  'I need the code to review: paste it in a fenced block with its language, e.g.\n\n```ts\n// your code here\n```\n\nand say what worries you (bugs, security, performance, readability), if anything in particular.';

const noUsage: TokenUsage = { inputTokens: 0, outputTokens: 0 };

/**
 * Code review: finds the code in the message, runs Kiln's static checks on it
 * (the TypeScript compiler for TS/JS, and the rules for its language), and
 * emits the findings as one `review.findings` event, then the same review as
 * Markdown text. Patterns showing the fixes are cited from the store. When a
 * model is configured, its prose review follows the static findings; with the
 * offline engine the review is the static findings alone, and says so.
 */
export class ReviewAgent implements Agent {
  constructor(
    private readonly provider: LlmProvider,
    private readonly retriever: Pick<HybridRetriever, 'search'> | undefined,
    private readonly maxOutputTokens = 2048,
  ) {}

  async *run(context: AgentContext): AsyncGenerator<AgentEvent, AgentResult> {
    const code = extractCode(context.message);
    if (!code) {
      yield {
        type: 'review.findings',
        language: 'unknown',
        findings: [],
        summary: 'No code to review: paste the code in a fenced block (```ts … ```) and ask again.',
      };
      yield { type: 'text.delta', delta: noCodeAnswer };
      return { finishReason: 'stop', usage: noUsage };
    }
    const review = staticReview(code);
    const notes =
      code.otherBlocks > 0
        ? [...review.notes, `The message has ${code.otherBlocks + 1} code blocks; this reviews the longest.`]
        : review.notes;
    const summary = review.checks
      ? reviewSummary(review.findings, `These findings come from Kiln's static checks (${review.checks}).`, notes)
      : notes.join(' ');
    yield { type: 'review.findings', language: code.language, findings: review.findings, summary };

    let cited: PatternCitations = { citations: [], citationFor: new Map(), grounding: [] };
    const searched = this.retriever ? await citePatterns(this.retriever, review.findings, code.language) : undefined;
    if (searched) {
      cited = searched;
      yield { type: 'retrieval', citations: cited.citations, ...(cited.notice ? { notice: cited.notice } : {}) };
    }
    const markdown = renderReview({
      language: code.language,
      lineCount: code.code.split('\n').length,
      findings: review.findings,
      summary,
      ...cited,
    });
    for (const line of markdown.split(/(?<=\n)/)) {
      context.signal.throwIfAborted();
      yield { type: 'text.delta', delta: line };
    }
    return yield* this.modelReview(context, review.findings, cited);
  }

  /**
   * The model's prose review after the static one: what the checks cannot see. Without a model, the section says
   * there is none. A failing model leaves the static review standing.
   */
  private async *modelReview(
    context: AgentContext,
    findings: ReviewFinding[],
    cited: PatternCitations,
  ): AsyncGenerator<AgentEvent, AgentResult> {
    yield { type: 'text.delta', delta: '\n### Beyond the static checks\n\n' };
    try {
      return yield* relayModel(
        this.provider,
        {
          system: modelPrompt(findings),
          messages: [...context.history, { role: 'user', content: context.message }],
          maxOutputTokens: this.maxOutputTokens,
          grounding: cited.grounding,
          composed: () =>
            `*No language model is configured, so there is no review beyond Kiln's static checks above: no language model was used.* ${configureModelHint('For a review of the logic, edge cases and design')}\n`,
        },
        context.signal,
      );
    } catch (error) {
      if (context.signal.aborted || !(error instanceof LlmError)) throw error;
      yield {
        type: 'text.delta',
        delta: `*The model's review could not be added (${error.message}); the static findings above stand on their own.*\n`,
      };
      return { finishReason: 'stop', usage: noUsage };
    }
  }
}

function modelPrompt(findings: readonly ReviewFinding[]): string {
  const listed = findings.length
    ? findings
        .map((finding) => `- line ${finding.line}, ${finding.severity}, ${finding.category}: ${finding.message}`)
        .join('\n')
    : '- none';
  return `You are Kiln, reviewing code a developer gave you. Kiln's static checks already reported these findings, which the developer sees above your answer:
${listed}

Do not repeat them. Add what static checks cannot see: logic errors, unhandled edge cases, concurrency, API misuse, naming and design, missing tests. At most five points, most important first, each with its line number and a concrete fix. If there is nothing to add, say so in one sentence.`;
}
