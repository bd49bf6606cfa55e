#!/usr/bin/env node
// Builds the web client into client/build when its sources changed since the last build; otherwise does nothing
// (a few milliseconds), so `npm start` stays fast. `--force` always builds. Run by `npm start` (prestart),
// `npm test` and `npm run build:client`.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const client = path.join(root, 'client');
const stampFile = path.join(client, 'build', '.kiln-build.json');
const externalSourcesFile = path.join(client, '.svelte-kit', 'kiln-external-sources.json');
const skipped = new Set(['build', '.svelte-kit', 'node_modules']);

function filesUnder(directory) {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    if (skipped.has(entry.name)) return [];
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** A hash of everything the build depends on: client/, the lockfile, and the server modules the client imports. */
export function clientSourceHash(externalSources) {
  const files = [...filesUnder(client), path.join(root, 'package-lock.json'), ...externalSources.map((file) => path.join(root, file))].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(path.relative(root, file)).update('\0');
    hash.update(existsSync(file) && statSync(file).isFile() ? readFileSync(file) : 'missing').update('\0');
  }
  return hash.digest('hex');
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return undefined;
  }
}

export function clientBuildIsCurrent() {
  const stamp = readStamp();
  return stamp !== undefined && existsSync(path.join(client, 'build', 'index.html')) && stamp.hash === clientSourceHash(stamp.externalSources);
}

export function buildClient({ force = false } = {}) {
  if (!force && clientBuildIsCurrent()) return { built: false };
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) {
    console.error('The web client needs building, but its build tools are missing: run `npm install` (with dev dependencies) first.');
    return { built: false, failed: true };
  }
  console.log('Building the web client (client/build)…');
  const started = Date.now();
  rmSync(externalSourcesFile, { force: true });
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: client, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('Building the web client failed (see above).');
    return { built: false, failed: true };
  }
  const externalSources = existsSync(externalSourcesFile) ? JSON.parse(readFileSync(externalSourcesFile, 'utf8')) : [];
  writeFileSync(stampFile, JSON.stringify({ hash: clientSourceHash(externalSources), externalSources, builtAt: new Date().toISOString() }, null, 2));
  console.log(`Built the web client in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return { built: true };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { failed } = buildClient({ force: process.argv.includes('--force') });
  process.exit(failed ? 1 : 0);
}
