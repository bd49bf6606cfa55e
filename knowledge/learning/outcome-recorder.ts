import { errorNodeId } from '../errors/error-signature.ts';
import { patternNodeId, type GraphStore } from '../graph/graph-store.ts';
import type { PatternOutcomeRepository } from '../patterns/pattern-outcome-repository.ts';

/** An error, normalised so that the same failure from different code meets the same graph node. */
export interface ErrorSignature {
  /** Stable id of the normalised error (type + message template); the graph node is `error:<id>`. */
  id: string;
  /** The normalised message, e.g. `TypeError: Cannot read properties of undefined (reading '<name>')`. */
  message: string;
}

/**
 * A sandbox run of code built on patterns: it passed or failed. A failure may carry the error it failed with;
 * a success that `fixed` an error also files the patterns as fixes for it (as `recordFix` does).
 */
export type PatternOutcome =
  | { verdict: 'success'; runId?: string; fixed?: ErrorSignature; at?: Date }
  | { verdict: 'failure'; runId?: string; error?: ErrorSignature; at?: Date };

export type Rating = 'up' | 'down';

/**
 * Records outcomes: each moves the patterns' stats (which retrieval's success prior reads) and is kept in their
 * history; fixes add FIXES edges from the patterns to the error's signature, so the debug agent and code
 * sessions find them next time. Unknown pattern ids are skipped; each method answers the ids it found.
 */
export class OutcomeRecorder {
  private readonly now: () => Date;

  constructor(
    private readonly dependencies: {
      outcomes: Pick<PatternOutcomeRepository, 'recordRun' | 'recordFeedback' | 'recordFix'>;
      graph: Pick<GraphStore, 'write'>;
      now?: () => Date;
    },
  ) {
    this.now = dependencies.now ?? (() => new Date());
  }

  async recordOutcome(patternIds: string[], outcome: PatternOutcome): Promise<string[]> {
    const ids = unique(patternIds);
    if (ids.length === 0) return [];
    const at = outcome.at ?? this.now();
    const error = outcome.verdict === 'failure' ? outcome.error : undefined;
    const updated = await this.dependencies.outcomes.recordRun(ids, {
      verdict: outcome.verdict,
      at,
      runId: outcome.runId,
      error,
    });
    if (updated.length === 0) return updated;
    if (outcome.verdict === 'success' && outcome.fixed) await this.recordFix(updated, outcome.fixed, at);
    // The signature a failure failed with is kept in the graph, so that a later fix can point at it.
    if (error) await this.dependencies.graph.write({ nodes: [errorNode(error)], edges: [], replaceEdgesOf: [] });
    return updated;
  }

  /** A thumbs change on an answer citing the patterns; changing or clearing a rating takes the previous one back. */
  async recordFeedback(
    patternIds: string[],
    change: { rating: Rating | null; previous: Rating | null },
    at = this.now(),
  ): Promise<string[]> {
    const ids = unique(patternIds);
    if (ids.length === 0 || change.rating === change.previous) return [];
    return this.dependencies.outcomes.recordFeedback(ids, { add: change.rating, remove: change.previous }, at);
  }

  /**
   * A repair that made failing code pass while citing these patterns: files them as fixes for the error (FIXES
   * edges, a `fix` in their history). Their stats are left alone: the run that passed credited them already.
   */
  async recordFix(patternIds: string[], signature: ErrorSignature, at = this.now()): Promise<string[]> {
    const ids = unique(patternIds);
    if (ids.length === 0) return [];
    const found = await this.dependencies.outcomes.recordFix(ids, signature, at);
    if (found.length === 0) return found;
    const node = errorNode(signature);
    await this.dependencies.graph.write({
      nodes: [node],
      edges: found.map((id) => ({ from: patternNodeId(id), kind: 'FIXES', to: node.id })),
      replaceEdgesOf: [],
    });
    return found;
  }
}

const errorNode = (signature: ErrorSignature) => ({
  id: errorNodeId(signature.id),
  kind: 'ErrorSignature' as const,
  properties: { message: signature.message },
});

const unique = (ids: string[]) => [...new Set(ids)];
