import type { ErrorEcosystem, ErrorSignature } from '../../../knowledge/errors/error-signature.ts';
import { findError } from '../../../knowledge/errors/find-error.ts';
import { findFixingPatterns, type FixingPattern } from '../../../knowledge/errors/fixing-patterns.ts';
import type { GraphStore } from '../../../knowledge/graph/graph-store.ts';
import type { PatternRepository } from '../../../knowledge/patterns/pattern-repository.ts';
import type { HybridRetriever, RetrievedPattern } from '../../../knowledge/retrieval/hybrid-retriever.ts';
import { languageNamedIn } from '../../../knowledge/retrieval/language-hint.ts';
import type { Citation } from '../../../protocol/turn-events.ts';
import type { LlmMessage, LlmProvider } from '../../llm/llm-provider.ts';
import type { Agent, AgentContext, AgentEvent, AgentResult } from '../agent.ts';
import { retrievePatterns, toCitation, toGrounding } from '../retrieve-patterns.ts';
import { relayModel } from '../stream-text.ts';
import { composeDiagnosis } from './compose-diagnosis.ts';
import { debugSystemPrompt } from './debug-prompt.ts';
import { likelyCause } from './likely-causes.ts';

/** What the debug agent reads from the pattern store; each part is optional and its absence degrades the answer. */
export interface DebugKnowledge {
  retriever?: Pick<HybridRetriever, 'search'>;
  graph?: Pick<GraphStore, 'neighbours'>;
  patterns?: Pick<PatternRepository, 'findByIds'>;
}

/** Corpus language to prefer for an error's ecosystem when the message names none. */
const preferredLanguage: Partial<Record<ErrorEcosystem, string>> = {
  javascript: 'typescript',
  typescript: 'typescript',
  python: 'python',
  postgres: 'sql',
  shell: 'shell',
};

/**
 * Diagnoses an error: finds it in the message (or, failing that, in the user's earlier messages), reduces
 * it to a signature, looks up the patterns filed as its fix (graph FIXES edges) and similar patterns (search),
 * emits them as citations (fixes first), then answers: composed from Kiln's notes with the offline engine,
 * or by the model grounded in the same material. A store that cannot be read is named in the `retrieval`
 * notice and the answer goes on without it.
 */
export class DebugAgent implements Agent {
  constructor(
    private readonly provider: LlmProvider,
    private readonly knowledge: DebugKnowledge = {},
    private readonly maxOutputTokens = 4096,
  ) {}

  async *run(context: AgentContext): AsyncGenerator<AgentEvent, AgentResult> {
    const signature = findError(context.message) ?? errorInHistory(context.history);
    const notices: string[] = [];
    const fixes = signature ? await this.fixesFor(signature, notices) : [];
    const found = await this.search(signature, context.message, notices);
    const related = found.filter((result) => !fixes.some((fix) => fix.pattern.id === result.pattern.id));
    if (this.knowledge.retriever || this.knowledge.graph) {
      const citations = [
        ...fixes.map((fix) => fixCitation(fix, found)),
        ...related.map((result) => toCitation(result)),
      ];
      yield { type: 'retrieval', citations, ...(notices.length ? { notice: notices.join(' ') } : {}) };
    }
    const cause = signature ? likelyCause(signature) : undefined;
    const grounding = [
      ...fixes.map((fix) => ({ pattern: fix.pattern })),
      ...related.slice(0, Math.max(0, 3 - fixes.length)),
    ].map(toGrounding);
    return yield* relayModel(
      this.provider,
      {
        system: debugSystemPrompt(signature, cause, fixes.length),
        messages: [...context.history, { role: 'user', content: context.message }],
        maxOutputTokens: this.maxOutputTokens,
        grounding,
        composed: () => composeDiagnosis({ signature, cause, fixes, related: related.map((result) => result.pattern) }),
      },
      context.signal,
    );
  }

  private async fixesFor(signature: ErrorSignature, notices: string[]): Promise<FixingPattern[]> {
    const { graph, patterns } = this.knowledge;
    if (!graph || !patterns) return [];
    try {
      return await findFixingPatterns(signature, { graph, patterns });
    } catch (error) {
      notices.push(`The knowledge graph could not be searched for known fixes (${(error as Error).message}).`);
      return [];
    }
  }

  private async search(
    signature: ErrorSignature | undefined,
    message: string,
    notices: string[],
  ): Promise<RetrievedPattern[]> {
    if (!this.knowledge.retriever) return [];
    const prefer = languageNamedIn(message) ?? (signature ? preferredLanguage[signature.ecosystem] : undefined);
    const retrieved = await retrievePatterns(this.knowledge.retriever, searchQuery(signature, message), {
      k: 5,
      prefer,
    });
    if (retrieved.event.notice) notices.push(retrieved.event.notice);
    return retrieved.relevant;
  }
}

/**
 * What to search for: the error's type and the fixed words of its template, then the user's own words
 * around the pasted error (the trace itself is noise to a search: paths, numbers, library frames).
 */
export function searchQuery(signature: ErrorSignature | undefined, message: string): string {
  const words = message
    .replace(/```[\s\S]*?(?:```|$)/g, ' ')
    .split('\n')
    .filter(
      (line) =>
        !/^\s+at |^\s*File "|^\s*(?:Traceback|npm (?:ERR!|error))/.test(line) &&
        !(signature?.message && line.includes(signature.message)),
    )
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
  if (!signature) return words || message.slice(0, 300);
  const template = signature.template
    .replace(/['"`]?<[a-z]+>['"`]?/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return [signature.type.split('.').at(-1), template, words].filter(Boolean).join(' ');
}

/** A fix's citation: its own search score when the search found it too, else the best search score, so it sorts first. */
function fixCitation(fix: FixingPattern, found: RetrievedPattern[]): Citation {
  const { pattern } = fix;
  const searched = found.find((result) => result.pattern.id === pattern.id);
  return {
    patternId: pattern.id,
    title: pattern.title,
    language: pattern.language,
    score: searched?.score ?? found[0]?.score ?? 1,
    // The graph's own score: 1 when filed under this exact signature, 0.5 under a shorter form of it.
    sources: { ...searched?.sources, graph: fix.match === 'exact' ? 1 : 0.5 },
  };
}

/** The latest error the user pasted earlier in the conversation ("why does this happen?" after pasting it). */
function errorInHistory(history: LlmMessage[]): ErrorSignature | undefined {
  for (const message of [...history].reverse()) {
    if (message.role !== 'user') continue;
    const found = findError(message.content);
    if (found) return found;
  }
  return undefined;
}
