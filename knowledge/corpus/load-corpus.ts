import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusLanguages, patternFiles, patternManifestSchema, type PatternManifest } from './pattern-manifest.ts';

export const corpusDirectory = path.dirname(fileURLToPath(import.meta.url));

export interface SeedPattern {
  manifest: PatternManifest;
  /** The pattern's folder, absolute. */
  directory: string;
  /** Path of the code file relative to the repository root (its provenance). */
  sourcePath: string;
  code: string;
  tests: string;
}

/** A pattern folder that does not follow the format, with what is wrong. */
export class CorpusError extends Error {
  constructor(readonly problems: string[]) {
    super(`The seed corpus has problems:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'CorpusError';
  }
}

/** Every pattern folder under `directory` (default: the shipped corpus), validated; throws CorpusError listing all problems. */
export async function loadCorpus(directory = corpusDirectory): Promise<SeedPattern[]> {
  const { patterns, problems } = await readCorpus(directory);
  if (problems.length) throw new CorpusError(problems);
  return patterns;
}

/**
 * The valid patterns and a list of problems, for loading at run time: one bad
 * folder must not keep the rest out of the store. References to patterns that
 * do not exist are dropped (and reported).
 */
export async function readCorpus(
  directory = corpusDirectory,
): Promise<{ patterns: SeedPattern[]; problems: string[] }> {
  const problems: string[] = [];
  const patterns: SeedPattern[] = [];
  const repositoryRoot = path.resolve(corpusDirectory, '..', '..');
  for (const language of corpusLanguages) {
    const languageDirectory = path.join(directory, language);
    if (!existsSync(languageDirectory)) continue;
    for (const entry of (await readdir(languageDirectory, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (!entry.isDirectory()) continue;
      const folder = path.join(languageDirectory, entry.name);
      const where = path.relative(repositoryRoot, folder);
      let manifest: PatternManifest;
      try {
        const parsed = patternManifestSchema.safeParse(
          JSON.parse(await readFile(path.join(folder, 'pattern.json'), 'utf8')),
        );
        if (!parsed.success) {
          problems.push(
            ...parsed.error.issues.map((issue) => `${where}/pattern.json: ${issue.path.join('.')}: ${issue.message}`),
          );
          continue;
        }
        manifest = parsed.data;
      } catch (error) {
        problems.push(`${where}/pattern.json: ${(error as Error).message}`);
        continue;
      }
      if (manifest.language !== language)
        problems.push(`${where}: language is ${manifest.language} but the folder is under ${language}/`);
      const files = patternFiles[manifest.language];
      const missing = [files.code, files.test].filter((file) => !existsSync(path.join(folder, file)));
      if (missing.length) {
        problems.push(`${where}: missing ${missing.join(' and ')}`);
        continue;
      }
      patterns.push({
        manifest,
        directory: folder,
        sourcePath: path.relative(repositoryRoot, path.join(folder, files.code)),
        code: await readFile(path.join(folder, files.code), 'utf8'),
        tests: await readFile(path.join(folder, files.test), 'utf8'),
      });
    }
  }
  const ids = new Set<string>();
  for (const { manifest } of patterns) {
    if (ids.has(manifest.id)) problems.push(`duplicate id ${manifest.id}`);
    ids.add(manifest.id);
  }
  for (const { manifest } of patterns) {
    for (const reference of [...manifest.related, ...manifest.supersedes]) {
      if (!ids.has(reference)) problems.push(`${manifest.id}: names ${reference}, which is not a pattern`);
    }
    manifest.related = manifest.related.filter((reference) => ids.has(reference));
    manifest.supersedes = manifest.supersedes.filter((reference) => ids.has(reference));
  }
  const seen = new Set<string>();
  const unique = patterns.filter(({ manifest }) => !seen.has(manifest.id) && seen.add(manifest.id));
  return { patterns: unique, problems };
}
