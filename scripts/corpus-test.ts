// `npm run corpus:test -- [pattern folders…]`: checks seed patterns (all of them without arguments). Validates
// every manifest, runs TypeScript/JavaScript tests with vitest, and Python, SQL and shell tests with the corpus
// runner (SQL against a throwaway embedded Postgres).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { loadCorpus } from '../knowledge/corpus/load-corpus.ts';
import { patternFiles } from '../knowledge/corpus/pattern-manifest.ts';
import { runPatternTests } from '../knowledge/corpus/run-pattern-tests.ts';
import { startInfrastructure } from '../platform/infrastructure/infrastructure.ts';
import { temporaryDirectory } from '../tests/support/temporary-directory.ts';

const wanted = process.argv.slice(2).map((folder) => path.resolve(folder));
let corpus;
try {
  corpus = await loadCorpus();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const selected = wanted.length ? corpus.filter((pattern) => wanted.includes(pattern.directory)) : corpus;
const unknown = wanted.filter((folder) => !corpus.some((pattern) => pattern.directory === folder));
if (unknown.length) {
  console.error(`Not pattern folders (or not valid ones): ${unknown.join(', ')}`);
  process.exit(1);
}

let failures = 0;
const vitestFiles = selected
  .filter((pattern) => pattern.manifest.language === 'typescript' || pattern.manifest.language === 'javascript')
  .map((pattern) => path.join(pattern.directory, patternFiles[pattern.manifest.language].test));
if (vitestFiles.length) {
  const run = spawnSync('npx', ['--no-install', 'vitest', 'run', ...vitestFiles], { stdio: 'inherit' });
  if (run.status !== 0) failures += 1;
}

const others = selected.filter((pattern) => !['typescript', 'javascript'].includes(pattern.manifest.language));
if (others.length) {
  const needsSql = others.some((pattern) => pattern.manifest.language === 'sql');
  const dataDir = needsSql ? await temporaryDirectory('kiln-corpus-cli') : undefined;
  const infrastructure = dataDir
    ? await startInfrastructure(
        { dataDir: dataDir.path, databaseUrl: undefined, chromaUrl: undefined },
        pino({ level: 'silent' }),
      )
    : undefined;
  const client = infrastructure ? new pg.Client({ connectionString: infrastructure.databaseUrl }) : undefined;
  await client?.connect();
  for (const pattern of others) {
    const result = await runPatternTests(pattern, client);
    console.log(
      `${result.passed ? 'pass' : 'FAIL'}  ${pattern.manifest.id}${result.passed ? '' : `\n${result.output}`}`,
    );
    if (!result.passed) failures += 1;
  }
  await client?.end();
  await infrastructure?.stop();
  await dataDir?.remove();
}
console.log(`\n${selected.length} patterns checked, ${failures === 0 ? 'all passing' : `${failures} failing`}`);
process.exit(failures === 0 ? 0 : 1);
