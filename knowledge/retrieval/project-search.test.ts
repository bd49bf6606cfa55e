import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocalEmbedder } from '../embedding/local-embedder.ts';
import type { Pattern } from '../patterns/pattern.ts';
import { InMemoryVectorIndex } from '../vector/in-memory-vector-index.ts';
import { patternFixture } from '../../tests/support/pattern-fixture.ts';
import { ProjectSearch } from './project-search.ts';
import { relevanceModel } from './relevance-model.ts';

const projectId = 'project-1';

/** A file pattern and, optionally, one function chunk of it, as ingest makes them. */
function sourceFile(path: string, code: string, summary: string, functionName?: string): Pattern[] {
  const base = { projectId, language: 'typescript', source: { kind: 'ingest' as const, path } };
  const patterns = [
    patternFixture(`project:s/${path}`, { ...base, title: path, summary, code, tags: ['ingested', 'file'] }),
  ];
  if (functionName)
    patterns.push(
      patternFixture(`project:s/${path}#${functionName}`, {
        ...base,
        title: functionName,
        summary: `Function ${functionName} from ${path}.`,
        code,
        tags: ['ingested'],
      }),
    );
  return patterns;
}

const project = [
  ...sourceFile(
    'src/addBusinessDays/index.ts',
    'export function addBusinessDays(date, amount) { /* skip saturday and sunday */ }',
    'Add the specified number of business days (mon - fri) to the given date, ignoring weekends.',
    'addBusinessDays',
  ),
  ...sourceFile(
    'src/isLeapYear/index.ts',
    'export function isLeapYear(date) { return year % 400 === 0 || (year % 4 === 0 && year % 100 !== 0) }',
    'Is the given date in the leap year?',
    'isLeapYear',
  ),
  ...sourceFile(
    'src/closestTo/index.ts',
    'export function closestTo(dateToCompare, dates) {}',
    'Return a date from the array closest to the given date.',
    'closestTo',
  ),
];

/** A ProjectSearch over twins: the patterns in a map (its version bumped by `replace`), vectors in memory. */
async function projectSearch(patterns: Pattern[], { withVectors = patterns } = {}) {
  const embedder = new LocalEmbedder(64);
  const vectors = new InMemoryVectorIndex();
  let stored = patterns;
  let version = 1;
  const addVectors = async (some: Pattern[]) => {
    const embeddings = await embedder.embed(some.map((pattern) => `${pattern.title} ${pattern.summary}`));
    await vectors.upsert(
      some.map((pattern, index) => ({
        id: pattern.id,
        embedding: embeddings[index]!,
        metadata: { language: pattern.language, project: projectId },
      })),
    );
  };
  await addVectors(withVectors);
  const queries = vi.spyOn(vectors, 'query');
  const search = new ProjectSearch({
    patterns: {
      listOfProject: async (_project, { afterId }) => (afterId ? [] : stored),
      projectVersion: async () => String(version),
      findByIds: async (ids) => stored.filter((pattern) => ids.includes(pattern.id)),
    },
    embedder,
    vectors: async () => vectors,
    log: pino({ level: 'silent' }),
    expander: { expand: () => [] },
    thesaurus: { synonyms: () => [], glosses: () => [] },
  });
  return {
    search,
    vectors,
    queries,
    addVectors,
    replace(next: Pattern[]) {
      stored = next;
      version += 1;
    },
  };
}

const paths = (results: { pattern: Pattern }[]) => results.map((result) => result.pattern.source.path);

describe('ProjectSearch', () => {
  afterEach(() => vi.useRealTimers());

  it('ranks the file that does the job first and lists each file once', async () => {
    const { search } = await projectSearch(project);
    const { results } = await search.search('add business days to a date, skipping weekends', { projectId, k: 5 });
    expect(paths(results)[0]).toBe('src/addBusinessDays/index.ts');
    expect(new Set(paths(results)).size).toBe(results.length);
  });

  it('gives the right file a citable relevance and an unrelated question none', async () => {
    const { search } = await projectSearch(project);
    const inScope = await search.search('is this year a leap year', { projectId, k: 5 });
    expect(paths(inScope.results)[0]).toBe('src/isLeapYear/index.ts');
    expect(inScope.results[0]!.relevance).toBeGreaterThanOrEqual(relevanceModel.threshold);

    const outOfScope = await search.search('how do I center a div with CSS flexbox', { projectId, k: 5 });
    expect(outOfScope.results.every((hit) => hit.relevance < relevanceModel.threshold)).toBe(true);
  });

  it('explains each hit with the features its relevance came from', async () => {
    const { search } = await projectSearch(project);
    const { results, features } = await search.search('closest date in an array', { projectId, k: 3, explain: true });
    expect(features).toHaveLength(results.length);
    expect(features![0]).toMatchObject({ first: 1, textLead: 1 });
    expect(features![0]!.coverage).toBeGreaterThan(features![1]!.coverage);
  });

  it('rebuilds its index when the project’s patterns change', async () => {
    const { search, replace } = await projectSearch(project);
    expect(
      (await search.search('parse an ISO 8601 string', { projectId, k: 5 })).results.map((hit) => hit.pattern.id),
    ).not.toContain('project:s/src/parseISO/index.ts');
    replace([
      ...project,
      ...sourceFile('src/parseISO/index.ts', 'export function parseISO(text) {}', 'Parse the given ISO 8601 string.'),
    ]);
    const { results } = await search.search('parse an ISO 8601 string', { projectId, k: 5 });
    expect(paths(results)[0]).toBe('src/parseISO/index.ts');
  });

  it('searches the project’s vectors in memory once it has read them all, with the scores the index gives', async () => {
    const { search, vectors, queries } = await projectSearch(project);
    const question = 'is this year a leap year';
    const { results } = await search.search(question, { projectId, k: 5 });
    expect(queries).not.toHaveBeenCalled();
    const [embedding] = await new LocalEmbedder(64).embed([question]);
    const exact = await vectors.query(embedding!, { k: 30, project: projectId });
    const best = exact.find((match) => match.id === results[0]!.pattern.id)!;
    expect(results[0]!.sources.vector).toBeCloseTo(best.score, 4);
  });

  it('asks the vector index while some vectors are missing, then holds them once they are all written', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const missing = project.at(-1)!;
    const { search, queries, addVectors } = await projectSearch(project, {
      withVectors: project.filter((pattern) => pattern !== missing),
    });
    await search.search('closest date in an array', { projectId, k: 5 });
    expect(queries).toHaveBeenCalledTimes(1);

    await addVectors([missing]);
    vi.setSystemTime(Date.now() + 6_000);
    // This search still asks the index and starts reading the vectors again; the next one has them.
    await search.search('closest date in an array', { projectId, k: 5 });
    await vi.waitFor(async () => {
      queries.mockClear();
      const { results } = await search.search('closest date in an array', { projectId, k: 5 });
      expect(queries).not.toHaveBeenCalled();
      expect(paths(results)[0]).toBe('src/closestTo/index.ts');
    });
  });

  it('asks the vector index when reading the project’s vectors fails', async () => {
    const { search, vectors, queries } = await projectSearch(project);
    vi.spyOn(vectors, 'vectorsOf').mockRejectedValue(new Error('chroma is restarting'));
    const { results, notices } = await search.search('is this year a leap year', { projectId, k: 5 });
    expect(queries).toHaveBeenCalledTimes(1);
    expect(notices).toEqual([]);
    expect(paths(results)[0]).toBe('src/isLeapYear/index.ts');
  });
});
