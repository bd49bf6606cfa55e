import { execFile as execFileCallback } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from 'pino';
import type { IndexablePattern, PatternIndexer } from '../patterns/pattern-indexer.ts';
import type { Sql } from '../../platform/database/sql-query.ts';
import { splitIdentifier } from '../patterns/identifiers.ts';
import type { CodeChunk } from './code-chunk.ts';
import { apiMentions } from './api-mentions.ts';
import { fileChunk } from './file-document.ts';
import { discoverFiles, type DiscoveredFile, type DiscoveryOptions, type SkipReason } from './discover-files.ts';
import { splitMarkdown } from './split-markdown.ts';
import { PythonSplitter, PythonUnavailableError } from './split-python.ts';
import { splitTypeScript } from './split-typescript.ts';

const execFile = promisify(execFileCallback);

/**
 * Part of each file's recorded hash: raised whenever what ingest makes of a file changes (chunks, file patterns,
 * documentation), so the next ingest indexes every file again instead of skipping them as unchanged.
 */
const ingesterVersion = 3;

export interface IngestProgress {
  done: number;
  total: number;
  file: string;
  /** Patterns from this file. */
  patterns: number;
  /** The run so far: files indexed anew, unchanged, failed, and skipped by discovery. */
  indexed: number;
  unchanged: number;
  failed: number;
  skipped: number;
}

/** Ingest into a project: its patterns carry the project's id and ids of their own, apart from other sources. */
export interface IngestTarget {
  projectId: string;
  /** Tells this source's patterns and file records apart from the project's other sources. */
  sourceId: string;
  /** The name provenance shows (the folder's, the archive's or the repository's). */
  name: string;
}

export interface IngestReport {
  root: string;
  files: number;
  unchangedFiles: number;
  ingestedFiles: number;
  removedFiles: number;
  failedFiles: { path: string; reason: string }[];
  skipped: Partial<Record<SkipReason, number>>;
  patterns: { created: number; updated: number; unchanged: number; duplicates: number; removed: number };
  durationMs: number;
  vectorError?: string;
}

/**
 * Indexes a folder or repository into the pattern store, incrementally: a file
 * whose content hash is unchanged since the last run is skipped; a changed
 * file's old patterns that no longer exist are removed; deleted files' patterns
 * go too. Provenance (path, line, repository, commit) is kept on each pattern.
 */
export async function ingestFolder(
  folder: string,
  dependencies: { sql: Sql; indexer: PatternIndexer; log: Logger },
  options: DiscoveryOptions & {
    onProgress?: (progress: IngestProgress) => void | Promise<void>;
    batchSize?: number;
    target?: IngestTarget;
  } = {},
): Promise<IngestReport> {
  const started = Date.now();
  const root = path.resolve(folder);
  const target = options.target;
  const repository = await repositoryOf(root, target?.name);
  // The file records of a project source are keyed by the source, wherever its files are on disk.
  const recordRoot = target ? `source:${target.sourceId}` : root;
  const { files, skipped } = await discoverFiles(root, options);
  // What the project's Markdown says of its functions, for those without a doc comment (read before any code).
  // The Markdown read here is kept for the main pass, so no file is read twice.
  const mentions = new Map<string, string>();
  const markdown = new Map<string, string>();
  for (const file of files.filter((candidate) => candidate.language === 'markdown')) {
    const text = await readFile(file.absolutePath, 'utf8');
    markdown.set(file.path, text);
    for (const [name, words] of apiMentions(text)) if (!mentions.has(name)) mentions.set(name, words);
  }
  const known = new Map(
    (
      await dependencies.sql.query(`SELECT path, content_hash, pattern_ids FROM ingested_files WHERE root = $1`, [
        recordRoot,
      ])
    ).map((row) => [String(row.path), { hash: String(row.content_hash), patternIds: row.pattern_ids as string[] }]),
  );
  const report: IngestReport = {
    root,
    files: files.length,
    unchangedFiles: 0,
    ingestedFiles: 0,
    removedFiles: 0,
    failedFiles: [],
    skipped: Object.fromEntries(skipped),
    patterns: { created: 0, updated: 0, unchanged: 0, duplicates: 0, removed: 0 },
    durationMs: 0,
  };

  let batch: { file: DiscoveredFile; hash: string; items: IndexablePattern[] }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const result = await dependencies.indexer.index(batch.flatMap((entry) => entry.items));
    for (const key of ['created', 'updated', 'unchanged', 'duplicates'] as const) report.patterns[key] += result[key];
    report.vectorError ??= result.vectorError;
    for (const { file, hash, items } of batch) {
      const ids = items.map((item) => item.pattern.id);
      const stale = (known.get(file.path)?.patternIds ?? []).filter((id) => !ids.includes(id));
      await dependencies.indexer.remove(stale);
      report.patterns.removed += stale.length;
      await dependencies.sql.query(
        `INSERT INTO ingested_files (root, path, content_hash, pattern_ids) VALUES ($1, $2, $3, $4)
         ON CONFLICT (root, path) DO UPDATE SET content_hash = EXCLUDED.content_hash, pattern_ids = EXCLUDED.pattern_ids, ingested_at = now()`,
        [recordRoot, file.path, hash, ids],
      );
    }
    batch = [];
  };

  // One Python process splits every Python file of this ingest.
  const python = new PythonSplitter();
  try {
    for (const [index, file] of files.entries()) {
      const text = markdown.get(file.path) ?? (await readFile(file.absolutePath, 'utf8'));
      const hash = createHash('sha256').update(`${ingesterVersion}\n`).update(text).digest('hex');
      let count = 0;
      if (known.get(file.path)?.hash === hash) {
        report.unchangedFiles += 1;
      } else {
        try {
          const symbols = await split(file, text, python);
          // Code files also stand as a whole, for questions about a file's job.
          const chunks =
            file.language === 'markdown' ? symbols : [fileChunk(file, text, symbols, markdown), ...symbols];
          const names = chunks.map((chunk) => chunk.name);
          const items = chunks.map((chunk) =>
            toIndexable(
              chunk,
              file,
              repository,
              names.filter((name) => name === chunk.name).length > 1,
              mentions,
              target,
            ),
          );
          count = items.length;
          batch.push({ file, hash, items });
          report.ingestedFiles += 1;
          if (batch.reduce((sum, entry) => sum + entry.items.length, 0) >= (options.batchSize ?? 200)) await flush();
        } catch (error) {
          report.failedFiles.push({ path: file.path, reason: (error as Error).message });
          if (error instanceof PythonUnavailableError) dependencies.log.warn((error as Error).message);
        }
      }
      await options.onProgress?.({
        done: index + 1,
        total: files.length,
        file: file.path,
        patterns: count,
        indexed: report.ingestedFiles,
        unchanged: report.unchangedFiles,
        failed: report.failedFiles.length,
        skipped: [...skipped.values()].reduce((sum, value) => sum + value, 0),
      });
    }
  } finally {
    python.close();
  }
  await flush();

  const present = new Set(files.map((file) => file.path));
  for (const [gonePath, { patternIds }] of known) {
    if (present.has(gonePath)) continue;
    await dependencies.indexer.remove(patternIds);
    report.patterns.removed += patternIds.length;
    await dependencies.sql.query(`DELETE FROM ingested_files WHERE root = $1 AND path = $2`, [recordRoot, gonePath]);
    report.removedFiles += 1;
  }
  const { created, updated, removed } = report.patterns;
  if (created + updated + removed > 0) await dependencies.indexer.settle();
  report.durationMs = Date.now() - started;
  return report;
}

/** Forgets what ingest saw of a project source's files (the source was removed; its patterns go separately). */
export async function forgetIngestedSource(sql: Sql, sourceId: string): Promise<void> {
  await sql.query(`DELETE FROM ingested_files WHERE root = $1`, [`source:${sourceId}`]);
}

function split(file: DiscoveredFile, text: string, python: PythonSplitter): Promise<CodeChunk[]> | CodeChunk[] {
  switch (file.language) {
    case 'typescript':
    case 'javascript':
      return splitTypeScript(file.path, text, file.language);
    case 'python':
      return python.split(text);
    case 'markdown':
      return splitMarkdown(text);
  }
}

interface Repository {
  name: string;
  commit: string | undefined;
}

async function repositoryOf(root: string, name = path.basename(root)): Promise<Repository> {
  const commit = await execFile('git', ['-C', root, 'rev-parse', 'HEAD'])
    .then(({ stdout }) => stdout.trim())
    .catch(() => undefined);
  return { name, commit };
}

/** A chunk as a pattern: a readable title from its name, its documentation as summary, folders as tags. */
export function toIndexable(
  chunk: CodeChunk,
  file: DiscoveredFile,
  repository: Repository,
  nameRepeats = false,
  /** Descriptions from the project's Markdown, by function name (see apiMentions). */
  mentions: ReadonlyMap<string, string> = new Map(),
  target?: IngestTarget,
): IndexablePattern {
  const words =
    chunk.kind === 'section' || chunk.kind === 'file'
      ? chunk.name
      : chunk.name.split('.').flatMap(splitIdentifier).join(' ');
  const title =
    chunk.kind === 'file' ? words.slice(-80) : `${words.charAt(0).toUpperCase()}${words.slice(1)}`.slice(0, 80);
  const folders = file.path
    .split('/')
    .slice(0, -1)
    .map((folder) => folder.toLowerCase().replace(/[^a-z0-9]+/g, '-'))
    .filter(Boolean);
  const mentioned =
    chunk.kind === 'section' || chunk.kind === 'file'
      ? undefined
      : (mentions.get(chunk.name) ?? mentions.get(chunk.name.split('.').at(-1)!));
  const summary = (
    chunk.documentation ||
    mentioned ||
    (chunk.kind === 'file'
      ? `The file ${file.path}.`
      : `${chunk.kind === 'section' ? 'Section' : chunk.kind === 'class' ? 'Class' : 'Function'} ${chunk.name} from ${file.path}.`)
  ).slice(0, chunk.kind === 'file' ? 1_200 : 600);
  const key = `${file.path}${chunk.kind === 'file' ? '' : `#${chunk.name}${nameRepeats ? `@${chunk.line}` : ''}`}`;
  return {
    pattern: {
      // Stable across edits that move code; the line only tells apart two chunks of one name in one file.
      id: target ? `project:${target.sourceId}/${key}` : `ingest:${repository.name}/${key}`,
      title,
      summary: summary.length >= 20 ? summary : `${summary} (${file.path})`,
      language: chunk.language,
      tags: [...new Set(['ingested', ...(chunk.kind === 'file' ? ['file'] : []), ...folders])].slice(0, 6),
      questions: [],
      code: chunk.code,
      tests: null,
      libraries: [],
      source: {
        kind: 'ingest',
        path: file.path,
        line: chunk.line,
        repository: repository.name,
        ...(repository.commit ? { commit: repository.commit } : {}),
      },
      ...(target ? { projectId: target.projectId } : {}),
    },
  };
}
