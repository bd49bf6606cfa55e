import { execFile as execFileCallback } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type pg from 'pg';
import type { SeedPattern } from './load-corpus.ts';

const execFile = promisify(execFileCallback);

export interface PatternTestResult {
  passed: boolean;
  output: string;
}

/**
 * Runs the tests of a Python, SQL or shell pattern. (TypeScript and JavaScript
 * patterns' tests are vitest files, run by vitest itself.)
 * - Python: `python3 -m unittest` in the pattern's folder, no bytecode written.
 * - SQL: pattern then tests in a fresh schema, inside a transaction rolled back.
 * - Shell: both scripts copied to a temporary folder, the tests run with bash.
 */
export async function runPatternTests(pattern: SeedPattern, sql?: pg.Client): Promise<PatternTestResult> {
  switch (pattern.manifest.language) {
    case 'python':
      return runProcess('python3', ['-m', 'unittest', '-q', 'test_pattern'], pattern.directory, {
        PYTHONDONTWRITEBYTECODE: '1',
      });
    case 'shell': {
      const scratch = await mkdtemp(path.join(os.tmpdir(), 'kiln-pattern-'));
      try {
        await cp(pattern.directory, scratch, { recursive: true });
        return await runProcess('bash', ['pattern.test.sh'], scratch, {});
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
    }
    case 'sql': {
      if (!sql) throw new Error('SQL patterns need a Postgres connection');
      const schema = `corpus_${pattern.manifest.id.replace(/[^a-z0-9]/g, '_')}`;
      const tests = await readFile(path.join(pattern.directory, 'pattern.test.sql'), 'utf8');
      try {
        await sql.query('BEGIN');
        await sql.query(`CREATE SCHEMA ${schema}; SET LOCAL search_path TO ${schema}, public`);
        await sql.query(pattern.code);
        await sql.query(tests);
        return { passed: true, output: '' };
      } catch (error) {
        return { passed: false, output: (error as Error).message };
      } finally {
        await sql.query('ROLLBACK');
      }
    }
    default:
      throw new Error(`${pattern.manifest.language} patterns are tested by vitest`);
  }
}

async function runProcess(
  command: string,
  args: string[],
  cwd: string,
  environment: Record<string, string>,
): Promise<PatternTestResult> {
  try {
    const { stdout, stderr } = await execFile(command, args, {
      cwd,
      timeout: 30_000,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: os.tmpdir(), LANG: 'C.UTF-8', ...environment },
    });
    return { passed: true, output: `${stdout}${stderr}` };
  } catch (error) {
    const { stdout = '', stderr = '', message } = error as { stdout?: string; stderr?: string; message: string };
    return { passed: false, output: `${stdout}${stderr}`.trim() || message };
  }
}
