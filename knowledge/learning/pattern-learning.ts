import { patternNodeId, type GraphEdge, type GraphNode, type GraphStore } from '../graph/graph-store.ts';
import type { PatternRepository } from '../patterns/pattern-repository.ts';

/** An error, normalised so that the same failure from different code meets the same graph node. */
export interface ErrorSignature {
  /** Stable id of the normalised error (type + message template); the graph node is `error:<id>`. */
  id: string;
  /** The normalised message, e.g. `TypeError: Cannot read properties of undefined (reading '<name>')`. */
  message: string;
}

/**
 * What happened when patterns were put to use: their code ran and passed (a
 * sandbox verdict, an accepted answer, a thumbs up), or it failed. A success
 * that `fixed` an error records that the patterns fix it; a failure may carry
 * the error it failed with.
 */
export type PatternOutcome =
  { verdict: 'success'; fixed?: ErrorSignature; at?: Date } | { verdict: 'failure'; error?: ErrorSignature; at?: Date };

export const errorNodeId = (signature: ErrorSignature) => `error:${signature.id}`;

/**
 * Kiln's learning entry point: every outcome moves the patterns' stats (which
 * the retriever's success prior reads) and, when an error was fixed, adds
 * FIXES edges from the patterns to the error's signature, so the debug agent
 * finds them next time. Unknown pattern ids are ignored.
 */
export class PatternLearning {
  constructor(
    private readonly dependencies: { patterns: Pick<PatternRepository, 'recordOutcome'>; graph: GraphStore },
  ) {}

  /** Returns the ids whose stats were updated. */
  async recordOutcome(patternIds: string[], outcome: PatternOutcome): Promise<string[]> {
    const ids = [...new Set(patternIds)];
    if (ids.length === 0) return [];
    const updated = await this.dependencies.patterns.recordOutcome(ids, outcome.verdict, outcome.at ?? new Date());
    const signature = outcome.verdict === 'success' ? outcome.fixed : outcome.error;
    if (signature && updated.length) {
      const node: GraphNode = {
        id: errorNodeId(signature),
        kind: 'ErrorSignature',
        properties: { message: signature.message },
      };
      // Only a success teaches a fix; a failure records the signature so that a later fix can point at it.
      const edges: GraphEdge[] =
        outcome.verdict === 'success'
          ? updated.map((id) => ({ from: patternNodeId(id), kind: 'FIXES', to: node.id }))
          : [];
      await this.dependencies.graph.write({ nodes: [node], edges, replaceEdgesOf: [] });
    }
    return updated;
  }
}
