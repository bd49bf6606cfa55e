#!/usr/bin/env node
// `npm test`: the linter, the import-direction check and the format check, the type checks (server, browser tests,
// web client with svelte-check), the web client's build,
// then every test tier (unit, gateway, integration against real Postgres, Chroma and server processes, and the
// browser tests in Chromium), ending with the runner's summary and one plain `N passed, N failed` line.
import { spawnSync } from 'node:child_process';
import { buildClient } from './build-client.mjs';
import { ensureSystemPackages } from './system-packages.mjs';

const forwarded = process.argv.slice(2);

function fail(message) {
  console.error(message);
  console.log('\ntests: 0 passed, 1 failed, 0 skipped');
  process.exit(1);
}

function step(label, command, args, options = {}) {
  console.log(`> ${label}`);
  return spawnSync(command, args, { stdio: 'inherit', ...options }).status === 0;
}

ensureSystemPackages();

if (forwarded.length === 0) {
  if (!step('eslint', 'npx', ['--no-install', 'eslint', '.']))
    fail('The linter found problems; fix the errors above (tests not run).');
  if (!step('import direction and cycles (dependency-cruiser)', 'npm', ['run', '--silent', 'lint:imports'])) {
    fail('An import goes against the folder direction or closes a cycle; see above (tests not run).');
  }
  if (!step('prettier --check', 'npx', ['--no-install', 'prettier', '--check', '--log-level', 'warn', '.'])) {
    fail('Some files are not formatted: run `npm run format` (tests not run).');
  }
  if (!step('tsc --noEmit', 'npx', ['--no-install', 'tsc', '--noEmit']))
    fail('The type check failed; fix the errors above (tests not run).');
  if (!step('tsc --noEmit -p tests/browser', 'npx', ['--no-install', 'tsc', '--noEmit', '-p', 'tests/browser'])) {
    fail('The type check of the browser tests failed; fix the errors above (tests not run).');
  }
  if (!step('svelte-check (client)', 'npm', ['run', '--silent', 'check:client']))
    fail('svelte-check failed; fix the problems above (tests not run).');
}

// The browser tests need the built client; this is a no-op when client/build is up to date.
if (buildClient().failed) fail('The web client did not build (tests not run).');

const vitest = spawnSync('npx', ['--no-install', 'vitest', 'run', ...forwarded], { stdio: 'inherit' });
process.exit(vitest.status ?? 1);
