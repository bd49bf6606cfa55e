import { patternIdOfNode, type GraphStore } from '../graph/graph-store.ts';
import type { Pattern } from '../patterns/pattern.ts';
import type { PatternRepository } from '../patterns/pattern-repository.ts';
import { errorNodeId, lookupIds, type ErrorSignature } from './error-signature.ts';

export interface FixingPattern {
  pattern: Pattern;
  /** `exact`: filed under this very signature; `partial`: under a shorter form of it (no type, or part of the message). */
  match: 'exact' | 'partial';
}

/**
 * The patterns whose `fixes` name this error, through the graph's FIXES edges: those filed under the
 * exact signature first, then those filed under shorter forms of it (see `lookupIds`). Throws when the
 * graph or the pattern store cannot be read (the caller degrades).
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
  const ordered = [...best.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, limit);
  if (ordered.length === 0) return [];
  const patterns = new Map(
    (await stores.patterns.findByIds(ordered.map(([id]) => id))).map((pattern) => [pattern.id, pattern]),
  );
  const exact = errorNodeId(signature.id);
  return ordered.flatMap(([id, position]) => {
    const pattern = patterns.get(id);
    return pattern ? [{ pattern, match: nodeIds[position] === exact ? ('exact' as const) : ('partial' as const) }] : [];
  });
}
