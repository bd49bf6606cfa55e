import { z } from 'zod';

const text = z.string().trim().min(3);

const side = z.strictObject({
  /** The package, runtime or module system, as a manifest names it (`express`, `node`, `python`, `commonjs`). */
  name: z.string().min(1),
  /** Lower-case words that name it in a request (`express`, `expressjs`, `node.js`). */
  aliases: z.array(z.string().min(2)).min(1),
  /** For an upgrade: the major (or major.minor) version; for a runtime, the oldest (from) or newest (to) covered. */
  version: z
    .string()
    .regex(/^\d+(?:\.\d+)?$/)
    .optional(),
});

/**
 * One curated migration: what breaks and how to move across. Written by hand from the projects' own
 * migration guides and release notes (linked in `references`); only changes those sources state.
 */
export const migrationGuideSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/),
  title: text,
  summary: text,
  /** `npm`/`pypi`: a package; `runtime`: Node.js or Python itself; `code`: a way of writing code (CommonJS to ESM). */
  ecosystem: z.enum(['npm', 'pypi', 'runtime', 'code']),
  from: side,
  to: side,
  /** Manifest entries that mean the project is affected (package names; `node`/`python` for runtimes). */
  packages: z.array(z.string().min(1)).default([]),
  /** The minimum runtime the target needs, compared with the manifest's `engines.node` or `requires-python`. */
  requiresRuntime: z
    .strictObject({ name: z.enum(['node', 'python']), version: z.string().regex(/^\d+(?:\.\d+)?$/) })
    .optional(),
  changes: z
    .array(
      z.strictObject({
        /** Runtime guides: the version that brought the change; only changes after the current version apply. */
        since: z
          .string()
          .regex(/^\d+(?:\.\d+)?$/)
          .optional(),
        change: text,
        action: text,
        /** An extended regular expression (grep -E) that finds code affected by the change. */
        find: z.string().min(2).optional(),
      }),
    )
    .min(3),
  /** The guide's own steps, between Kiln's baseline and verification steps. */
  steps: z.array(z.strictObject({ action: text, check: text })).min(2),
  codemods: z.array(z.strictObject({ command: text, does: text })).default([]),
  risks: z.array(text).min(1),
  /** Other packages to move with it, named only when the manifest has them. */
  companions: z.array(z.strictObject({ name: z.string().min(1), note: text })).default([]),
  /** Seed patterns that show the target approach. */
  patterns: z.array(z.string()).default([]),
  /** Which file kinds `find` searches (`js`, `ts`, `py`, …). */
  sourceFiles: z.array(z.string().regex(/^[a-z]+$/)).min(1),
  references: z.array(z.url()).min(1),
});

export type MigrationGuide = z.output<typeof migrationGuideSchema>;
export type MigrationGuideInput = z.input<typeof migrationGuideSchema>;
