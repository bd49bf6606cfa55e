import { patternIdOfNode, patternNodeId, type GraphStore } from '../graph/graph-store.ts';
import type { KnowledgeOverview, KnowledgeOverviewRepository } from '../patterns/knowledge-overview-repository.ts';
import type { PatternIndexer } from '../patterns/pattern-indexer.ts';
import type { Pattern } from '../patterns/pattern.ts';
import type { PatternOutcomeEntry, PatternOutcomeRepository } from '../patterns/pattern-outcome-repository.ts';
import type { PatternRepository } from '../patterns/pattern-repository.ts';
import { learnPattern, type LearnedPatternInput } from './learn-pattern.ts';
import { OutcomeRecorder, type ErrorSignature, type PatternOutcome, type Rating } from './outcome-recorder.ts';

export type { ErrorSignature, PatternOutcome, Rating } from './outcome-recorder.ts';
export type { LearnedPatternInput } from './learn-pattern.ts';

/** A pattern's history as its page shows it. */
export interface PatternHistory {
  /** Newest first, at most 20. */
  recent: PatternOutcomeEntry[];
  /** Learned patterns derived from this one. */
  learnedFrom: { id: string; title: string }[];
  /** Error signatures this pattern is filed as a fix for. */
  fixes: { id: string; message: string }[];
}

/**
 * Kiln's learning entry point (docs/learning.md): sandbox verdicts, thumbs and fixes move the patterns' stats
 * and history (which retrieval's success prior reads, and which flag failing patterns); approved code becomes
 * a learned pattern; admins retire patterns from retrieval and restore them; and the history and overview show
 * what was learned.
 */
export class PatternLearning {
  private readonly recorder: OutcomeRecorder;
  private readonly now: () => Date;

  constructor(
    private readonly dependencies: {
      patterns: Pick<PatternRepository, 'findByIds' | 'findDuplicate' | 'retire' | 'restore'>;
      outcomes: PatternOutcomeRepository;
      overview: Pick<KnowledgeOverviewRepository, 'overview'>;
      graph: GraphStore;
      indexer: Pick<PatternIndexer, 'index'>;
      now?: () => Date;
    },
  ) {
    this.now = dependencies.now ?? (() => new Date());
    this.recorder = new OutcomeRecorder({ outcomes: dependencies.outcomes, graph: dependencies.graph, now: this.now });
  }

  /** A sandbox run of code built on these patterns passed or failed. Returns the ids whose stats were updated. */
  recordOutcome(patternIds: string[], outcome: PatternOutcome): Promise<string[]> {
    return this.recorder.recordOutcome(patternIds, outcome);
  }

  /** A thumbs change on an answer that cited these patterns; `previous` is taken back. Returns the ids updated. */
  recordFeedback(
    patternIds: string[],
    change: { rating: Rating | null; previous: Rating | null },
    at?: Date,
  ): Promise<string[]> {
    return this.recorder.recordFeedback(patternIds, change, at);
  }

  /** A repair citing these patterns made failing code pass: files them as fixes for the error. Returns the ids found. */
  recordFix(patternIds: string[], signature: ErrorSignature): Promise<string[]> {
    return this.recorder.recordFix(patternIds, signature);
  }

  /** Saves approved code as a learned pattern, searchable at once; code already stored answers `duplicate: true`. */
  learn(input: LearnedPatternInput): Promise<{ patternId: string; duplicate: boolean }> {
    return learnPattern(input, {
      patterns: this.dependencies.patterns,
      indexer: this.dependencies.indexer,
      recorder: this.recorder,
      at: this.now(),
    });
  }

  /** Takes a pattern out of retrieval (search, graph expansion, fixes); undefined when there is no such pattern. */
  retire(id: string, by: string): Promise<Pattern | undefined> {
    return this.dependencies.patterns.retire(id, by, this.now());
  }

  /** Brings a retired pattern back (flagged, if its record says it is failing); undefined when there is none. */
  restore(id: string): Promise<Pattern | undefined> {
    return this.dependencies.patterns.restore(id, this.now());
  }

  /** The pattern's recent outcomes, the patterns learned from it and the errors it fixes (those two from the graph: empty while it is down). */
  async history(id: string): Promise<PatternHistory> {
    const [recent, neighbours] = await Promise.all([
      this.dependencies.outcomes.recent(id, 20),
      this.dependencies.graph
        .neighbours([patternNodeId(id)], { edges: ['DERIVED_FROM', 'FIXES'], limit: 500 })
        .catch(() => []),
    ]);
    const derivedIds = neighbours
      .filter((neighbour) => neighbour.edge === 'DERIVED_FROM' && neighbour.direction === 'in')
      .flatMap((neighbour) => patternIdOfNode(neighbour.node.id) ?? []);
    const derived = await this.dependencies.patterns.findByIds(derivedIds);
    return {
      recent,
      learnedFrom: derived
        .filter((pattern) => pattern.source.kind === 'learned')
        .map((pattern) => ({ id: pattern.id, title: pattern.title })),
      fixes: neighbours
        .filter((neighbour) => neighbour.edge === 'FIXES' && neighbour.direction === 'out')
        .map((neighbour) => ({
          id: neighbour.node.id.replace(/^error:/, ''),
          message: String(neighbour.node.properties.message ?? ''),
        })),
    };
  }

  /** What Kiln has learned: totals, lists of at most 10, and runs per day over the last 30 days (UTC). */
  overview(): Promise<KnowledgeOverview> {
    return this.dependencies.overview.overview({ limit: 10, days: 30, today: this.now().toISOString().slice(0, 10) });
  }
}
