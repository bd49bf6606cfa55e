import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

const clientRoot = path.dirname(new URL(import.meta.url).pathname);
const repositoryRoot = path.dirname(clientRoot);

/**
 * Records the files outside client/ that the build read (the protocol modules), in
 * `.svelte-kit/kiln-external-sources.json`, so scripts/build-client.mjs can tell when the build is stale.
 * SvelteKit runs more than one Vite build; each adds its files (the build script deletes the list first).
 */
export function recordSourceFiles(): Plugin {
  const seen = new Set<string>();
  return {
    name: 'kiln-record-source-files',
    apply: 'build',
    moduleParsed(info) {
      const file = info.id.split('?')[0]!;
      if (!path.isAbsolute(file) || file.includes(`${path.sep}node_modules${path.sep}`)) return;
      if (file.startsWith(repositoryRoot + path.sep) && !file.startsWith(clientRoot + path.sep))
        seen.add(path.relative(repositoryRoot, file));
    },
    writeBundle() {
      const target = path.join(clientRoot, '.svelte-kit', 'kiln-external-sources.json');
      mkdirSync(path.dirname(target), { recursive: true });
      const earlier = existsSync(target) ? (JSON.parse(readFileSync(target, 'utf8')) as string[]) : [];
      writeFileSync(target, JSON.stringify([...new Set([...earlier, ...seen])].sort(), null, 2));
    },
  };
}
