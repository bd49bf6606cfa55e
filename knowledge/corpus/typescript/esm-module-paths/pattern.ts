import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What CommonJS gave every module for free, for an ES module: pass it its own `import.meta`. */
export function modulePaths(meta: Pick<ImportMeta, 'url'> & { filename?: string; dirname?: string }): { filename: string; dirname: string } {
  // import.meta.filename and .dirname exist from Node 20.11 / 21.2 (file: modules only); the URL works everywhere.
  const filename = meta.filename ?? fileURLToPath(meta.url);
  return { filename, dirname: meta.dirname ?? dirname(filename) };
}

/** A path next to the calling module, whatever folder node was started from (unlike a path relative to cwd). */
export function besideModule(meta: Pick<ImportMeta, 'url'>, ...segments: string[]): string {
  return join(modulePaths(meta).dirname, ...segments);
}

/**
 * A CommonJS `require` for the calling module: loads JSON files and CommonJS-only packages, resolving
 * relative paths from that module. Prefer `import` (with `with { type: 'json' }` for JSON) where it works.
 */
export function requireFrom(meta: Pick<ImportMeta, 'url'>): NodeJS.Require {
  return createRequire(meta.url);
}
