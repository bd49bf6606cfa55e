import { describe, expect, it } from 'vitest';
import { readCorpus } from '../corpus/load-corpus.ts';
import { patternIdOfNode } from '../graph/graph-store.ts';
import { graphChange } from '../patterns/pattern-indexer.ts';
import { seedToIndexable } from '../seed/load-seed-corpus.ts';
import { errorNodeId, lookupIds } from './error-signature.ts';
import { findError } from './find-error.ts';

// The seed corpus's FIXES edges as the indexer writes them, looked up the way the debug agent does, with
// errors as the runtimes really print them (captured from Node 20, Python 3.11, psql and bash).
const { patterns } = await readCorpus();
const { edges } = graphChange(patterns.map(seedToIndexable));
const fixers = (printed: string) => {
  const ids = new Set(lookupIds(findError(printed)!).map(errorNodeId));
  return edges.filter((edge) => edge.kind === 'FIXES' && ids.has(edge.to)).map((edge) => patternIdOfNode(edge.from));
};

describe('the seed corpus fixes errors as they are printed', () => {
  it.each([
    [
      "TypeError: Cannot read properties of undefined (reading 'items')\n    at renderList (/app/src/list.ts:12:20)",
      'ts-guard-data-before-use',
    ],
    [
      'ReferenceError: __dirname is not defined in ES module scope\n    at file:///app/src/server.js:4:21',
      'ts-esm-module-paths',
    ],
    ['ReferenceError: require is not defined in ES module scope, you can use import instead', 'ts-esm-module-paths'],
    [
      'Error: listen EADDRINUSE: address already in use :::3000\n    at Server.setupListenHandle [as _listen2] (node:net:1817:16)',
      'ts-local-test-http-server',
    ],
    [
      'Error: spawn ffmpeg ENOENT\n    at ChildProcess._handle.onexit (node:internal/child_process:286:19)',
      'ts-run-command-capture-output',
    ],
    [
      `SyntaxError: Unexpected token '<', "<!DOCTYPE "... is not valid JSON\n    at JSON.parse (<anonymous>)`,
      'ts-fetch-json-with-errors',
    ],
    ["SyntaxError: Expected property name or '}' in JSON at position 1", 'ts-read-json-config-file'],
    [
      '(node:4304) MaxListenersExceededWarning: Possible EventTarget memory leak detected. 11 abort listeners added to [AbortSignal]. MaxListeners is 10. Use events.setMaxListeners() to increase limit',
      'ts-combine-abort-signals',
    ],
    ['RangeError: Invalid time zone specified: Mars/Base', 'ts-convert-timezone'],
    [
      'Traceback (most recent call last):\n  File "/app/load.py", line 6, in parse\n    return json.loads(text)\njson.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)',
      'py-safe-json-load',
    ],
    ["TypeError: can't compare offset-naive and offset-aware datetimes", 'py-timezone-aware-datetimes'],
    [
      "subprocess.CalledProcessError: Command '['npm', 'test']' returned non-zero exit status 1.",
      'py-run-subprocess-capture',
    ],
    ["TypeError: unhashable type: 'dict'", 'py-lru-cache-decorator'],
    [
      'psql:seed.sql:3: ERROR:  duplicate key value violates unique constraint "users_email_key"\nDETAIL:  Key (email)=(ada@example.com) already exists.',
      'sql-upsert-on-conflict',
    ],
    [
      'ERROR:  there is no unique or exclusion constraint matching the ON CONFLICT specification',
      'sql-upsert-on-conflict',
    ],
    ['error: current transaction is aborted, commands ignored until end of transaction block', 'ts-sql-transaction'],
    ['bash: jq: command not found', 'sh-require-commands'],
    ['./deploy.sh: line 4: TOKEN: unbound variable', 'sh-strict-mode-script'],
    [
      'usage: report.py [-h] --since SINCE\nreport.py: error: the following arguments are required: --since',
      'py-argparse-command-line',
    ],
  ])('%s', (printed, patternId) => {
    expect(fixers(printed)).toContain(patternId);
  });

  it('names no fix for an error nothing in the corpus fixes', () => {
    expect(fixers('RangeError: Maximum call stack size exceeded\n    at walk (/app/tree.js:4:10)')).toEqual([]);
  });
});
