import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInfrastructure, type Infrastructure } from '../../platform/infrastructure/infrastructure.ts';
import { temporaryDirectory } from '../../tests/support/temporary-directory.ts';
import { loadCorpus, type SeedPattern } from './load-corpus.ts';
import { runPatternTests } from './run-pattern-tests.ts';

// TypeScript and JavaScript patterns' tests are vitest files of their own; this file checks the corpus as a
// whole and runs the Python, SQL and shell patterns' tests.
const corpus = await loadCorpus();
const byLanguage = (language: SeedPattern['manifest']['language']) =>
  corpus.filter((pattern) => pattern.manifest.language === language);

describe('the seed corpus', () => {
  it('follows the format: valid manifests, unique ids, existing references, code and tests present', () => {
    // loadCorpus throws, naming every problem, when any folder breaks the format.
    expect(corpus.length).toBeGreaterThan(0);
  });

  it('ships at least 150 patterns: TypeScript and JavaScript mostly, plus Python, SQL and shell', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(150);
    const typescriptAndJavascript = byLanguage('typescript').length + byLanguage('javascript').length;
    expect(typescriptAndJavascript).toBeGreaterThan(corpus.length / 2);
    for (const language of ['python', 'sql', 'shell'] as const)
      expect(byLanguage(language).length, language).toBeGreaterThanOrEqual(10);
  });
});

describe.runIf(byLanguage('python').length > 0)('Python patterns', () => {
  it.each(byLanguage('python').map((pattern) => [pattern.manifest.id, pattern] as const))(
    '%s passes its tests',
    async (_id, pattern) => {
      const result = await runPatternTests(pattern);
      expect(result.passed, result.output).toBe(true);
    },
  );
});

describe.runIf(byLanguage('shell').length > 0)('shell patterns', () => {
  it.each(byLanguage('shell').map((pattern) => [pattern.manifest.id, pattern] as const))(
    '%s passes its tests',
    async (_id, pattern) => {
      const result = await runPatternTests(pattern);
      expect(result.passed, result.output).toBe(true);
    },
  );
});

describe.runIf(byLanguage('sql').length > 0)('SQL patterns (real Postgres)', () => {
  let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let infrastructure: Infrastructure;
  let client: pg.Client;

  beforeAll(async () => {
    dataDir = await temporaryDirectory('kiln-corpus');
    infrastructure = await startInfrastructure(
      { dataDir: dataDir.path, databaseUrl: undefined, chromaUrl: undefined },
      pino({ level: 'silent' }),
    );
    client = new pg.Client({ connectionString: infrastructure.databaseUrl });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await infrastructure?.stop();
    await dataDir?.remove();
  });

  it.each(byLanguage('sql').map((pattern) => [pattern.manifest.id, pattern] as const))(
    '%s passes its tests',
    async (_id, pattern) => {
      const result = await runPatternTests(pattern, client);
      expect(result.passed, result.output).toBe(true);
    },
  );
});
