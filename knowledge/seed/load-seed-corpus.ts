import type { Logger } from 'pino';
import { readCorpus, type SeedPattern } from '../corpus/load-corpus.ts';

export type CorpusSnapshot = Awaited<ReturnType<typeof readCorpus>>;
import type { IndexablePattern, IndexReport, PatternIndexer } from '../patterns/pattern-indexer.ts';
import type { PatternRepository } from '../patterns/pattern-repository.ts';

/** A seed pattern as the store keeps it, with provenance pointing at its file in this repository. */
export function seedToIndexable(seed: SeedPattern): IndexablePattern {
  const { manifest } = seed;
  return {
    pattern: {
      id: manifest.id,
      title: manifest.title,
      summary: manifest.summary,
      language: manifest.language,
      tags: manifest.tags,
      questions: manifest.questions,
      code: seed.code,
      tests: seed.tests,
      libraries: manifest.libraries,
      source: { kind: 'seed', path: seed.sourcePath, line: 1 },
    },
    related: manifest.related,
    supersedes: manifest.supersedes,
    fixes: manifest.fixes,
  };
}

/**
 * Loads the shipped corpus into the store: idempotent (unchanged patterns are
 * skipped by content hash), and seed patterns no longer shipped are removed.
 * The graph is then checked against the corpus, so links that changed without
 * the content (or were never written because the graph was down) follow.
 */
export async function loadSeedCorpus(
  dependencies: { patterns: PatternRepository; indexer: PatternIndexer; log: Logger },
  /** The corpus as already read (the knowledge base reads it once for its word statistics too). */
  options: { corpus?: CorpusSnapshot } = {},
): Promise<IndexReport & { removed: number; relinked: number }> {
  const { patterns: corpus, problems } = options.corpus ?? (await readCorpus());
  if (problems.length) dependencies.log.warn({ problems }, 'some seed patterns were skipped or trimmed');
  const known = await dependencies.patterns.hashesOfSource('seed');
  const shipped = new Set(corpus.map((seed) => seed.manifest.id));
  const gone = [...known.keys()].filter((id) => !shipped.has(id));
  await dependencies.indexer.remove(gone);
  const items = corpus.map(seedToIndexable);
  const report = await dependencies.indexer.index(items);
  const relinked = await dependencies.indexer.relink(items).catch((error: unknown) => {
    dependencies.log.warn(
      { err: error },
      "the seed patterns' graph edges could not be checked; they are checked again at the next start",
    );
    return 0;
  });
  if (report.created + report.updated + gone.length + relinked > 0) {
    dependencies.log.info(
      { ...report, removed: gone.length, relinked, total: corpus.length },
      'seed corpus loaded into the pattern store',
    );
  }
  return { ...report, removed: gone.length, relinked };
}
