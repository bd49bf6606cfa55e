import { z } from 'zod';

export const corpusLanguages = ['typescript', 'javascript', 'python', 'sql', 'shell'] as const;
export type CorpusLanguage = (typeof corpusLanguages)[number];

const idPrefixes: Record<CorpusLanguage, string> = {
  typescript: 'ts',
  javascript: 'js',
  python: 'py',
  sql: 'sql',
  shell: 'sh',
};

/** The files of a pattern folder, by language: the code, and its tests. */
export const patternFiles: Record<CorpusLanguage, { code: string; test: string }> = {
  typescript: { code: 'pattern.ts', test: 'pattern.test.ts' },
  javascript: { code: 'pattern.js', test: 'pattern.test.js' },
  python: { code: 'pattern.py', test: 'test_pattern.py' },
  sql: { code: 'pattern.sql', test: 'pattern.test.sql' },
  shell: { code: 'pattern.sh', test: 'pattern.test.sh' },
};

/** `pattern.json` of a seed pattern (see knowledge/corpus/README.md). */
export const patternManifestSchema = z
  .object({
    id: z.string().regex(/^(ts|js|py|sql|sh)-[a-z0-9]+(-[a-z0-9]+)*$/, 'must be <prefix>-<kebab-case slug>'),
    title: z.string().min(3).max(80),
    summary: z.string().min(20).max(600),
    language: z.enum(corpusLanguages),
    tags: z
      .array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase, kebab-case'))
      .min(1)
      .max(8),
    libraries: z.array(z.object({ name: z.string().min(1), version: z.string().min(1) })).default([]),
    related: z.array(z.string()).default([]),
    supersedes: z.array(z.string()).default([]),
    fixes: z.array(z.string().min(5)).default([]),
    /** Questions developers ask that this pattern answers, in their own words (searched like the summary). */
    questions: z.array(z.string().min(10).max(300)).max(8).default([]),
  })
  .strict()
  .refine((manifest) => manifest.id.startsWith(`${idPrefixes[manifest.language]}-`), {
    message: 'the id prefix must match the language (ts, js, py, sql, sh)',
    path: ['id'],
  });

export type PatternManifest = z.infer<typeof patternManifestSchema>;
