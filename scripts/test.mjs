#!/usr/bin/env node
// `npm test`: the type check, then every test tier (unit, gateway, integration against real Postgres,
// Chroma and server processes), ending with the runner's summary and one plain `N passed, N failed` line.
import { spawnSync } from 'node:child_process';
import { ensureSystemPackages } from './system-packages.mjs';

const forwarded = process.argv.slice(2);

ensureSystemPackages();

if (forwarded.length === 0) {
  console.log('> tsc --noEmit');
  const typecheck = spawnSync('npx', ['--no-install', 'tsc', '--noEmit'], { stdio: 'inherit' });
  if (typecheck.status !== 0) {
    console.error('The type check failed; fix the errors above (tests not run).');
    console.log('\ntests: 0 passed, 1 failed, 0 skipped');
    process.exit(1);
  }
}

const vitest = spawnSync('npx', ['--no-install', 'vitest', 'run', ...forwarded], { stdio: 'inherit' });
process.exit(vitest.status ?? 1);
