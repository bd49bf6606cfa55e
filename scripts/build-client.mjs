#!/usr/bin/env node
// Builds the web client into client/build when its sources changed since the last build; otherwise does nothing
// (a few milliseconds), so `npm start` stays fast. `--force` always builds. Run by `npm start` (prestart),
// `npm test` and `npm run build:client`.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const client = path.join(root, 'client');
const stampFile = path.join(client, 'build', '.kiln-build.json');
const externalSourcesFile = path.join(client, '.svelte-kit', 'kiln-external-sources.json');
const lockDirectory = path.join(client, '.build-lock');
const skipped = new Set(['build', '.svelte-kit', 'node_modules', '.build-lock']);

function filesUnder(directory) {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    if (skipped.has(entry.name)) return [];
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** A hash of everything the build depends on: client/, the lockfile, and the protocol modules the client imports. */
export function clientSourceHash(externalSources) {
  const files = [
    ...filesUnder(client),
    path.join(root, 'package-lock.json'),
    ...externalSources.map((file) => path.join(root, file)),
  ].sort();
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
  return (
    stamp !== undefined &&
    existsSync(path.join(client, 'build', 'index.html')) &&
    stamp.hash === clientSourceHash(stamp.externalSources)
  );
}

export function buildClient({ force = false } = {}) {
  if (!force && clientBuildIsCurrent()) return { built: false };
  // Test files (and a server start) may ask at the same time: one builds, the others wait and find it current.
  return withBuildLock(() => (!force && clientBuildIsCurrent() ? { built: false } : build()));
}

function build() {
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) {
    console.error(
      'The web client needs building, but its build tools are missing: run `npm install` (with dev dependencies) first.',
    );
    return { built: false, failed: true };
  }
  console.log('Building the web client (client/build)…');
  const started = Date.now();
  // No stamp until this build has succeeded: a failed or interrupted build is never taken for a current one.
  rmSync(stampFile, { force: true });
  rmSync(externalSourcesFile, { force: true });
  // Always a production build: started from vitest (browser tests) the environment says NODE_ENV=test, which
  // Svelte takes for development and builds a bigger client that the first-load benchmark would then measure.
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: client,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) {
    console.error('Building the web client failed (see above).');
    return { built: false, failed: true };
  }
  const externalSources = existsSync(externalSourcesFile) ? JSON.parse(readFileSync(externalSourcesFile, 'utf8')) : [];
  writeFileSync(
    stampFile,
    JSON.stringify(
      { hash: clientSourceHash(externalSources), externalSources, builtAt: new Date().toISOString() },
      null,
      2,
    ),
  );
  console.log(`Built the web client in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return { built: true };
}

function withBuildLock(work) {
  for (;;) {
    try {
      mkdirSync(lockDirectory);
      writeFileSync(path.join(lockDirectory, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (!lockHolderAlive()) {
        rmSync(lockDirectory, { recursive: true, force: true });
        continue;
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lockDirectory, { recursive: true, force: true });
  }
}

function lockHolderAlive() {
  let pid;
  try {
    pid = Number(readFileSync(path.join(lockDirectory, 'pid'), 'utf8'));
  } catch {
    // Just created, its pid not written yet; one left that way for long was abandoned.
    try {
      return Date.now() - statSync(lockDirectory).mtimeMs < 10_000;
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { failed } = buildClient({ force: process.argv.includes('--force') });
  process.exit(failed ? 1 : 0);
}
