import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context, MiddlewareHandler } from 'hono';
import { contentSecurityPolicy } from './content-security-policy.ts';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The built SvelteKit client when it exists (`client/build`), otherwise the placeholder page shipped in `client/placeholder`. */
export function defaultClientDirectory(): string {
  const built = path.join(repositoryRoot, 'client', 'build');
  return existsSync(path.join(built, 'index.html')) ? built : path.join(repositoryRoot, 'client', 'placeholder');
}

/**
 * Serves the single-page client: files as they are, and `index.html` for any
 * other GET that looks like a page (no file extension), so client-side routes
 * survive a reload. Fingerprinted assets under `_app/immutable/` are cached
 * for a year; everything else is revalidated. HTML pages carry their Content-Security-Policy.
 */
export function clientRoutes(directory: string): MiddlewareHandler {
  const root = path.resolve(directory);
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    let requested: string;
    try {
      requested = decodeURIComponent(c.req.path);
    } catch {
      return next();
    }
    const file = path.join(root, requested);
    if (file !== root && !file.startsWith(root + path.sep)) return next();
    const found = await regularFile(file === root ? path.join(root, 'index.html') : file);
    if (found) {
      const immutable = requested.startsWith('/_app/immutable/');
      if (path.extname(found) === '.html') return htmlPage(c, await readFile(found, 'utf8'));
      return c.body(await readFile(found), 200, {
        'Content-Type': contentTypes[path.extname(found)] ?? 'application/octet-stream',
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    }
    if (path.extname(requested) !== '') return next();
    const index = await regularFile(path.join(root, 'index.html'));
    if (!index) return next();
    return htmlPage(c, await readFile(index, 'utf8'));
  };
}

function htmlPage(c: Context, html: string) {
  return c.body(html, 200, {
    'Content-Type': contentTypes['.html']!,
    'Cache-Control': 'no-cache',
    'Content-Security-Policy': contentSecurityPolicy(html),
  });
}

async function regularFile(file: string): Promise<string | undefined> {
  try {
    return (await stat(file)).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}
