import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repositoryRoot } from '../../support/kiln-process.ts';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

/**
 * The client's chunks that no entry (app start-up or route) imports statically: the ones loaded on demand with
 * `import()`, such as the syntax highlighter. Read from the last build's Vite manifest.
 */
export function lazyChunkFiles(): Set<string> {
  const manifestFile = path.join(repositoryRoot, 'client', '.svelte-kit', 'output', 'client', '.vite', 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
  const initial = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || initial.has(chunk.file)) return;
    initial.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  return new Set(
    Object.values(manifest)
      .map((chunk) => chunk.file)
      .filter((file) => file.endsWith('.js') && !initial.has(file)),
  );
}
