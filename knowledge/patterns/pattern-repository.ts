import { contentHash } from './content-hash.ts';
import { splitIdentifiers } from './identifiers.ts';
import { failingSql } from './pattern-outcome-repository.ts';
import type { Pattern, PatternInput, PatternStatus } from './pattern.ts';
import type { SqlQuery } from '../../platform/database/sql-query.ts';

interface PatternRecord {
  id: string;
  title: string;
  summary: string;
  language: string;
  tags: string[];
  questions: string[];
  code: string;
  tests: string | null;
  libraries: Pattern['libraries'];
  source: Pattern['source'];
  project_id: string | null;
  content_hash: string;
  uses: number;
  successes: number;
  failures: number;
  last_verified_at: Date | null;
  feedback_up: number;
  feedback_down: number;
  status: PatternStatus;
  created_at: Date;
  updated_at: Date;
}

const columns =
  'id, title, summary, language, tags, questions, code, tests, libraries, source, project_id, content_hash, uses, successes, failures, last_verified_at, feedback_up, feedback_down, status, created_at, updated_at';

const toPattern = (row: PatternRecord): Pattern => ({
  id: row.id,
  title: row.title,
  summary: row.summary,
  language: row.language,
  tags: row.tags,
  questions: row.questions,
  code: row.code,
  tests: row.tests,
  libraries: row.libraries,
  source: row.source,
  ...(row.project_id ? { projectId: row.project_id } : {}),
  contentHash: row.content_hash,
  stats: {
    uses: row.uses,
    successes: row.successes,
    failures: row.failures,
    lastVerifiedAt: row.last_verified_at,
    feedbackUp: row.feedback_up,
    feedbackDown: row.feedback_down,
  },
  status: row.status,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export interface TextHit {
  id: string;
  score: number;
}

export type UpsertOutcome = 'created' | 'updated' | 'unchanged' | 'duplicate';

/** Words that say nothing about which pattern is meant. */
const stopWords = new Set(
  'a an and are as at be by can do does for from get have how i if in into is it its make me my of on or should so that the then there this to use using want way what when where which while with without would you your'.split(
    ' ',
  ),
);

/** Patterns in Postgres: the source of truth, and the full-text half of retrieval. */
export class PatternRepository {
  constructor(private readonly query: SqlQuery) {}

  /** Stores a pattern by id; unchanged content is left alone, and content already stored under another id is a duplicate. */
  async upsert(input: PatternInput): Promise<UpsertOutcome> {
    const hash = contentHash(input);
    try {
      const rows = await this.query(
        `INSERT INTO patterns (id, title, summary, language, tags, code, tests, libraries, source, identifiers, content_hash, questions, project_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT (id) DO UPDATE SET
           title = EXCLUDED.title, summary = EXCLUDED.summary, language = EXCLUDED.language, tags = EXCLUDED.tags,
           questions = EXCLUDED.questions,
           code = EXCLUDED.code, tests = EXCLUDED.tests, libraries = EXCLUDED.libraries, source = EXCLUDED.source,
           identifiers = EXCLUDED.identifiers, content_hash = EXCLUDED.content_hash, updated_at = now()
         WHERE patterns.content_hash <> EXCLUDED.content_hash OR patterns.source <> EXCLUDED.source
         RETURNING (xmax = 0) AS inserted`,
        [
          input.id,
          input.title,
          input.summary,
          input.language,
          input.tags,
          input.code,
          input.tests,
          JSON.stringify(input.libraries),
          JSON.stringify(input.source),
          splitIdentifiers(input.code).join(' '),
          hash,
          input.questions,
          input.projectId ?? null,
        ],
      );
      if (rows.length === 0) return 'unchanged';
      return rows[0]!.inserted ? 'created' : 'updated';
    } catch (error) {
      if ((error as { code?: string }).code === '23505') return 'duplicate';
      throw error;
    }
  }

  async findById(id: string): Promise<Pattern | undefined> {
    const [row] = (await this.query(`SELECT ${columns} FROM patterns WHERE id = $1`, [
      id,
    ])) as unknown as PatternRecord[];
    return row ? toPattern(row) : undefined;
  }

  /** The patterns with these ids, in the order given (missing ones left out). */
  async findByIds(ids: string[]): Promise<Pattern[]> {
    if (ids.length === 0) return [];
    const rows = (await this.query(`SELECT ${columns} FROM patterns WHERE id = ANY($1::text[])`, [ids], {
      prepared: true,
    })) as unknown as PatternRecord[];
    const byId = new Map(rows.map((row) => [row.id, toPattern(row)]));
    return ids.map((id) => byId.get(id)).filter((pattern): pattern is Pattern => pattern !== undefined);
  }

  async list(options: {
    limit: number;
    offset: number;
    language?: string;
  }): Promise<{ patterns: Pattern[]; total: number }> {
    // The global store only: a project's patterns are listed to its members through the project.
    const filter = options.language ? 'WHERE project_id IS NULL AND language = $3' : 'WHERE project_id IS NULL';
    const parameters: unknown[] = [options.limit, options.offset, ...(options.language ? [options.language] : [])];
    const rows = (await this.query(
      `SELECT ${columns}, count(*) OVER () AS total FROM patterns ${filter} ORDER BY title, id LIMIT $1 OFFSET $2`,
      parameters,
    )) as unknown as (PatternRecord & { total: string })[];
    const total = rows[0]
      ? Number(rows[0].total)
      : Number(
          (
            await this.query(
              `SELECT count(*) AS total FROM patterns WHERE project_id IS NULL ${options.language ? 'AND language = $1' : ''}`,
              options.language ? [options.language] : [],
            )
          )[0]!.total,
        );
    return { patterns: rows.map(toPattern), total };
  }

  /** id → content hash of every pattern from `kind` sources (incremental loading compares against it). */
  async hashesOfSource(kind: Pattern['source']['kind']): Promise<Map<string, string>> {
    const rows = await this.query(`SELECT id, content_hash FROM patterns WHERE source->>'kind' = $1`, [kind]);
    return new Map(rows.map((row) => [String(row.id), String(row.content_hash)]));
  }

  async delete(ids: string[]): Promise<void> {
    if (ids.length) await this.query(`DELETE FROM patterns WHERE id = ANY($1::text[])`, [ids]);
  }

  /**
   * Full-text search for `terms` (the caller picks the few words that discriminate) and, in the same round
   * trip, for `widened` (the same search widened with synonyms), each giving its own ranked hits. Terms are
   * stemmed like title, summary, tags and questions, and kept as they are, like the code's identifiers. A
   * pattern's score is the sum of its matched terms' impacts (weights A > B > C, normalised by length; see the
   * pattern_terms migration), so patterns matching several terms come first.
   *
   * Cost is bounded whatever the store's size: each term contributes only its `postingsPerTerm` best postings,
   * read in impact order from an index. A pattern that is not among the best fifty for any of the terms
   * cannot rank in the top `k` anyway, unless it matches many terms weakly; the vector list covers that case.
   */
  async searchText(
    query: { terms: string[]; widened?: string[] },
    options: { k: number; language?: string; postingsPerTerm?: number },
  ): Promise<{ hits: TextHit[]; widened: TextHit[] }> {
    const words = (terms: string[] = []) =>
      [
        ...new Set(
          terms.map((term) => term.toLowerCase()).filter((term) => /^[a-z0-9]+$/.test(term) && !stopWords.has(term)),
        ),
      ].join(' ');
    const lists = [words(query.terms), words(query.widened)];
    if (lists.every((list) => list === '')) return { hits: [], widened: [] };
    // Scores for both lists in one pass over the postings; ids sorted bytewise (COLLATE "C"), which is cheaper.
    const rows = await this.query(
      `WITH wanted AS (
         SELECT term, bool_or(list = 1) AS in_first, bool_or(list = 2) AS in_second
         FROM unnest($1::text[]) WITH ORDINALITY AS given (words, list),
              unnest(tsvector_to_array(to_tsvector('english', words) || to_tsvector('simple', words))) AS term
         GROUP BY term
       ),
       scores AS MATERIALIZED (
         SELECT hit.pattern_id,
                sum(hit.impact) FILTER (WHERE wanted.in_first) AS first,
                sum(hit.impact) FILTER (WHERE wanted.in_second) AS second
         FROM wanted CROSS JOIN LATERAL (
           SELECT pattern_id, impact FROM pattern_terms
           WHERE pattern_terms.term = wanted.term ${options.language ? 'AND pattern_terms.language = $4' : ''}
           ORDER BY impact DESC LIMIT $3
         ) AS hit
         GROUP BY hit.pattern_id
       )
       (SELECT 1 AS list, pattern_id AS id, first AS score FROM scores WHERE first IS NOT NULL
        ORDER BY first DESC, pattern_id COLLATE "C" LIMIT $2)
       UNION ALL
       (SELECT 2, pattern_id, second FROM scores WHERE second IS NOT NULL
        ORDER BY second DESC, pattern_id COLLATE "C" LIMIT $2)`,
      [lists, options.k, options.postingsPerTerm ?? 50, ...(options.language ? [options.language] : [])],
      { prepared: true },
    );
    const hits = (list: number) =>
      rows.filter((row) => Number(row.list) === list).map((row) => ({ id: String(row.id), score: Number(row.score) }));
    return { hits: hits(1), widened: hits(2) };
  }

  /** Takes a pattern out of retrieval; answers it as it is now, or undefined when there is no such pattern. */
  async retire(id: string, by: string, at: Date): Promise<Pattern | undefined> {
    const [row] = (await this.query(
      `WITH updated AS (
         UPDATE patterns SET status = 'retired',
           retired_at = CASE WHEN status = 'retired' THEN retired_at ELSE $3 END,
           retired_by = CASE WHEN status = 'retired' THEN retired_by ELSE $2 END
         WHERE id = $1
         RETURNING ${columns}
       )
       SELECT * FROM updated`,
      [id, by, at],
    )) as unknown as PatternRecord[];
    return row ? toPattern(row) : undefined;
  }

  /** Brings a retired pattern back: active, or flagged when its record says it is failing. */
  async restore(id: string, at: Date): Promise<Pattern | undefined> {
    const failing = failingSql('failures', 'successes');
    const [row] = (await this.query(
      `WITH updated AS (
         UPDATE patterns SET status = CASE WHEN ${failing} THEN 'flagged' ELSE 'active' END,
           flagged_at = CASE WHEN ${failing} THEN coalesce(flagged_at, $2) END,
           retired_at = NULL, retired_by = NULL
         WHERE id = $1
         RETURNING ${columns}
       )
       SELECT * FROM updated`,
      [id, at],
    )) as unknown as PatternRecord[];
    return row ? toPattern(row) : undefined;
  }

  /** The ids of retired patterns (few: an admin retires them one by one), which retrieval leaves out. */
  async retiredIds(): Promise<Set<string>> {
    const rows = await this.query(`SELECT id FROM patterns WHERE status = 'retired'`, [], { prepared: true });
    return new Set(rows.map((row) => String(row.id)));
  }

  /**
   * The stored pattern this one would repeat: the same content hash, or the same code once comments and
   * whitespace are left out (in the same language). The content-hash match wins.
   */
  async findDuplicate(
    pattern: Pick<PatternInput, 'language' | 'code' | 'projectId'> & { contentHash: string },
  ): Promise<string | undefined> {
    // In the global store, or (for a project's pattern) in the global store or that project; never another's.
    const [row] = await this.query(
      `SELECT id FROM patterns
       WHERE (project_id IS NULL OR project_id = $4) AND (content_hash = $1 OR code_fingerprint = kiln_code_fingerprint($2, $3))
       ORDER BY content_hash = $1 DESC, created_at, id LIMIT 1`,
      [pattern.contentHash, pattern.language, pattern.code, pattern.projectId ?? null],
    );
    return row ? String(row.id) : undefined;
  }

  /**
   * After a bulk write (an ingest): marks the new rows all-visible and refreshes the planner's statistics, so
   * full-text search reads postings from its index alone instead of visiting each row (measured: 40 % faster
   * at 10k patterns). Autovacuum gets there too, but only a minute or more later.
   */
  async vacuum(): Promise<void> {
    await this.query('VACUUM (ANALYZE) patterns, pattern_terms');
  }

  /** What retrieval can draw on: active patterns per language (most first) and the most common tags. */
  async coverage(tagCount = 8): Promise<{ languages: { language: string; patterns: number }[]; tags: string[] }> {
    const [languages, tags] = await Promise.all([
      this.query(
        `SELECT language, count(*) AS patterns FROM patterns WHERE status <> 'retired' AND project_id IS NULL
         GROUP BY language ORDER BY count(*) DESC, language`,
      ),
      this.query(
        `SELECT tag FROM patterns, unnest(tags) AS tag WHERE status <> 'retired' AND project_id IS NULL
         GROUP BY tag ORDER BY count(*) DESC, tag LIMIT $1`,
        [tagCount],
      ),
    ]);
    return {
      languages: languages.map((row) => ({ language: String(row.language), patterns: Number(row.patterns) })),
      tags: tags.map((row) => String(row.tag)),
    };
  }

  /** Patterns of the global store (the project patterns' vectors are in a collection of their own). */
  async count(): Promise<number> {
    return Number((await this.query(`SELECT count(*) AS count FROM patterns WHERE project_id IS NULL`))[0]!.count);
  }

  /** Every pattern of a project, id order, a page at a time (to build its search index, to re-embed it). */
  async listOfProject(projectId: string, options: { limit: number; afterId?: string }): Promise<Pattern[]> {
    const rows = (await this.query(
      `SELECT ${columns} FROM patterns WHERE project_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
      [projectId, options.afterId ?? '', options.limit],
    )) as unknown as PatternRecord[];
    return rows.map(toPattern);
  }

  /** Ids of projects that have patterns (to re-embed them all). */
  async projectIds(): Promise<string[]> {
    const rows = await this.query(`SELECT DISTINCT project_id FROM patterns WHERE project_id IS NOT NULL`);
    return rows.map((row) => String(row.project_id));
  }

  /**
   * What changes whenever one of a project's patterns is created, deleted or rewritten (a trigger keeps it; see
   * migration 1795300000022): a search index of the project built at one version is current while it is the same.
   */
  async projectVersion(projectId: string): Promise<string> {
    const [row] = await this.query(`SELECT version FROM project_pattern_versions WHERE project_id = $1`, [projectId], {
      prepared: true,
    });
    return String(row?.version ?? 0);
  }

  /** Ids of the patterns one project source gave (their ids start `project:<sourceId>/`, see toIndexable). */
  async idsOfSource(sourceId: string): Promise<string[]> {
    const rows = await this.query(`SELECT id FROM patterns WHERE starts_with(id, $1)`, [`project:${sourceId}/`]);
    return rows.map((row) => String(row.id));
  }

  /** Ids of a project's patterns (to remove them with the project). */
  async idsOfProject(projectId: string): Promise<string[]> {
    const rows = await this.query(`SELECT id FROM patterns WHERE project_id = $1`, [projectId]);
    return rows.map((row) => String(row.id));
  }
}
