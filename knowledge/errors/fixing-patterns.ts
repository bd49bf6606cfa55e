import { patternIdOfNode, type GraphStore } from '../graph/graph-store.ts';
import type { Pattern } from '../patterns/pattern.ts';
import type { PatternRepository } from '../patterns/pattern-repository.ts';
import { successPrior } from '../learning/success-prior.ts';
import { errorNodeId, lookupIds, type ErrorSignature } from './error-signature.ts';

export interface FixingPattern {
  pattern: Pattern;
  /** `exact`: filed under this very signature; `partial`: under a shorter form of it (no type, or part of the message). */
  match: 'exact' | 'partial';
}

/**
 * The patterns whose `fixes` name this error, through the graph's FIXES edges (filed by the corpus, and by
 * learning when a repair citing them made code pass): those filed under the exact signature first, then those
 * filed under shorter forms of it (see `lookupIds`); among equals, learned patterns first (approved code that
 * itself turned this failure into a pass, where a cited pattern only helped), then the better proven (`successPrior`).
 * Retired patterns are left out. Throws when the graph or the pattern store cannot be read (the caller degrades).
 */
export async function findFixingPatterns(
  signature: Pick<ErrorSignature, 'id' | 'type' | 'template'>,
  stores: { graph: Pick<GraphStore, 'neighbours'>; patterns: Pick<PatternRepository, 'findByIds'> },
  limit = 3,
): Promise<FixingPattern[]> {
  const nodeIds = lookupIds(signature).map(errorNodeId);
  const rank = new Map(nodeIds.map((id, index) => [id, index]));
  const neighbours = await stores.graph.neighbours(nodeIds, { edges: ['FIXES'], limit: 100 });
  const best = new Map<string, number>();
  for (const neighbour of neighbours) {
    const patternId = patternIdOfNode(neighbour.node.id);
    const position = rank.get(neighbour.origin);
    if (neighbour.direction !== 'in' || !patternId || position === undefined) continue;
    best.set(patternId, Math.min(position, best.get(patternId) ?? Infinity));
  }
  if (best.size === 0) return [];
  const exact = errorNodeId(signature.id);
  return (await stores.patterns.findByIds([...best.keys()]))
    .filter((pattern) => pattern.status !== 'retired')
    .map((pattern) => ({ pattern, position: best.get(pattern.id)!, prior: successPrior(pattern.stats) }))
    .sort(
      (a, b) =>
        a.position - b.position ||
        learnedFirst(a.pattern) - learnedFirst(b.pattern) ||
        b.prior - a.prior ||
        a.pattern.id.localeCompare(b.pattern.id),
    )
    .slice(0, limit)
    .map(({ pattern, position }) => ({
      pattern,
      match: nodeIds[position] === exact ? ('exact' as const) : ('partial' as const),
    }));
}

const learnedFirst = (pattern: Pattern) => (pattern.source.kind === 'learned' ? 0 : 1);
