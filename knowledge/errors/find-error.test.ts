import { describe, expect, it } from 'vitest';
import { lookupIds, signatureId } from './error-signature.ts';
import { findError, signatureOfMessage } from './find-error.ts';
import { describeFrame } from './stack-frames.ts';

const v8Trace = `TypeError: Cannot read properties of undefined (reading 'map')
    at renderList (/app/src/list.ts:12:20)
    at App (/app/src/app.tsx:40:7)
    at renderWithHooks (/app/node_modules/react-dom/cjs/react-dom.development.js:16305:18)
    at main (/app/src/main.ts:5:3)
    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)`;

describe('findError: JavaScript and TypeScript', () => {
  it('reads a V8 stack trace: type, template, and the innermost frames of user code', () => {
    const found = findError(v8Trace)!;
    expect(found).toMatchObject({
      ecosystem: 'javascript',
      type: 'TypeError',
      message: "Cannot read properties of undefined (reading 'map')",
      template: "Cannot read properties of undefined (reading '<name>')",
    });
    expect(found.frames.map(describeFrame)).toEqual([
      'renderList (list.ts:12)',
      'App (app.tsx:40)',
      'main (main.ts:5)',
    ]);
  });

  it('gives one id to the same error met with other names, values and paths', () => {
    const other = findError(
      `TypeError: Cannot read properties of undefined (reading 'items')\n    at load (/srv/x.js:1:1)`,
    )!;
    expect(other.id).toBe(findError(v8Trace)!.id);
    expect(other.id).toMatch(/^[0-9a-f]{16}$/);
    expect(findError("TypeError: Cannot read properties of null (reading 'map')")!.id).not.toBe(other.id);
  });

  it('reads Node output with the source excerpt above the error and the Node version below', () => {
    const output = `file:///tmp/errs/b.mjs:1
function renderList(items) { return items.map((x) => x); }
                                          ^

TypeError: Cannot read properties of undefined (reading 'map')
    at renderList (file:///tmp/errs/b.mjs:1:43)
    at load (file:///tmp/errs/b.mjs:2:26)
    at file:///tmp/errs/b.mjs:3:1
    at ModuleJob.run (node:internal/modules/esm/module_job:325:25)

Node.js v20.20.2`;
    const found = findError(output)!;
    expect(found.type).toBe('TypeError');
    expect(found.frames.map(describeFrame)).toEqual(['renderList (b.mjs:1)', 'load (b.mjs:2)', 'b.mjs:3']);
  });

  it('reads a Node error with a bracketed code, and a code printed in the error object', () => {
    const esm = findError(`Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'expresss' imported from /app/index.js
    at packageResolve (node:internal/modules/esm/resolve:854:9)`)!;
    expect(esm).toMatchObject({
      type: 'Error [ERR_MODULE_NOT_FOUND]',
      code: 'ERR_MODULE_NOT_FOUND',
      template: "Cannot find package '<name>' imported from <path>",
    });

    const commonJs = findError(`node:internal/modules/cjs/loader:1080
  throw err;
  ^

Error: Cannot find module 'expresss'
Require stack:
- /app/index.js
    at Module._resolveFilename (node:internal/modules/cjs/loader:1077:15)
    at Object.<anonymous> (/app/index.js:1:17) {
  code: 'MODULE_NOT_FOUND',
  requireStack: [ '/app/index.js' ]
}`)!;
    expect(commonJs).toMatchObject({
      type: 'Error',
      code: 'MODULE_NOT_FOUND',
      template: "Cannot find module '<name>'",
    });
    expect(commonJs.frames.map(describeFrame)).toEqual(['Object.<anonymous> (index.js:1)']);
  });

  it('reads system errors and takes their code from the message', () => {
    const inUse = findError(`Error: listen EADDRINUSE: address already in use :::3000
    at Server.setupListenHandle [as _listen2] (node:net:1817:16)
    at listenInCluster (node:net:1865:12)
    at Object.<anonymous> (/app/server.js:9:5) {
  code: 'EADDRINUSE',
  errno: -98,
  syscall: 'listen',
  address: '::',
  port: 3000
}`)!;
    expect(inUse).toMatchObject({
      type: 'Error',
      code: 'EADDRINUSE',
      template: 'listen EADDRINUSE: address already in use <address>',
    });
    expect(findError('Error: spawn ffmpeg ENOENT')).toMatchObject({
      code: 'ENOENT',
      template: 'spawn <command> ENOENT',
    });
  });

  it('reads an unhandled rejection of a non-Error value, and marks rejections a browser reports', () => {
    const node = findError(`node:internal/process/promises:389
      new UnhandledPromiseRejection(reason);
      ^

UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "oops".
    at throwUnhandledRejectionsMode (node:internal/process/promises:389:7)
    at process.processTicksAndRejections (node:internal/process/task_queues:96:32) {
  code: 'ERR_UNHANDLED_REJECTION'
}`)!;
    expect(node).toMatchObject({
      type: 'UnhandledPromiseRejection',
      code: 'ERR_UNHANDLED_REJECTION',
      unhandledRejection: true,
      frames: [],
    });
    expect(node.template).toContain('The promise rejected with the reason "<name>".');

    const browser = findError(
      'Uncaught (in promise) TypeError: Failed to fetch\n    at loadUsers (http://localhost:5173/src/api.ts?t=1699:8:22)',
    )!;
    expect(browser).toMatchObject({ type: 'TypeError', message: 'Failed to fetch', unhandledRejection: true });
    expect(browser.frames.map(describeFrame)).toEqual(['loadUsers (api.ts:8)']);
  });

  it('reads Firefox and Safari frames', () => {
    const found = findError(
      'TypeError: can\'t access property "map", data is undefined\nrenderList@http://localhost:3000/static/js/main.js:12:20\n@http://localhost:3000/static/js/main.js:40:1',
    )!;
    expect(found.frames.map(describeFrame)).toEqual(['renderList (main.js:12)', 'main.js:40']);
  });

  it('reads a warning printed with the process id', () => {
    const found = findError(
      '(node:4304) MaxListenersExceededWarning: Possible EventTarget memory leak detected. 11 abort listeners added to [AbortSignal]. MaxListeners is 10. Use events.setMaxListeners() to increase limit',
    )!;
    expect(found).toMatchObject({ type: 'MaxListenersExceededWarning', ecosystem: 'javascript' });
    expect(found.template).toBe(
      'Possible EventTarget memory leak detected. <n> abort listeners added to [AbortSignal]. MaxListeners is <n>. Use events.setMaxListeners() to increase limit',
    );
  });

  it('reads TypeScript compiler errors in both output styles, counting the rest', () => {
    const plain =
      findError(`src/list.ts(12,20): error TS2345: Argument of type 'string' is not assignable to parameter of type 'number'.
src/app.ts(3,1): error TS2304: Cannot find name 'foo'.`)!;
    expect(plain).toMatchObject({
      ecosystem: 'typescript',
      type: 'TS2345',
      code: 'TS2345',
      details: ['…and 1 more TypeScript error.'],
    });
    expect(plain.template).toBe("Argument of type '<name>' is not assignable to parameter of type '<name>'.");
    expect(plain.frames).toEqual([{ function: '', file: 'list.ts', line: 12, column: 20 }]);

    const pretty = findError("src/list.ts:12:20 - error TS2339: Property 'map' does not exist on type '{}'.")!;
    expect(pretty).toMatchObject({ type: 'TS2339', frames: [{ file: 'list.ts', line: 12 }] });
  });
});

describe('findError: Python', () => {
  const traceback = `Traceback (most recent call last):
  File "/app/q.py", line 9, in <module>
    main()
  File "/app/q.py", line 8, in main
    return load_config('/app/empty.json')
           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "/app/config.py", line 4, in load_config
    return parse(f.read())
  File "/usr/lib/python3.11/json/__init__.py", line 346, in loads
    return _default_decoder.decode(s)
  File "/usr/lib/python3.11/json/decoder.py", line 355, in raw_decode
    raise JSONDecodeError("Expecting value", s, err.value) from None
json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)`;

  it('reads a traceback: the final exception, and the innermost frames outside the standard library', () => {
    const found = findError(traceback)!;
    expect(found).toMatchObject({
      ecosystem: 'python',
      type: 'json.decoder.JSONDecodeError',
      template: 'Expecting value: line <n> column <n> (char <n>)',
    });
    expect(found.frames.map(describeFrame)).toEqual([
      'load_config (config.py:4)',
      'main (q.py:8)',
      '<module> (q.py:9)',
    ]);
  });

  it('files a dotted exception type under its last name', () => {
    expect(findError(traceback)!.id).toBe(findError('JSONDecodeError: Expecting value: line 3 column 5 (char 12)')!.id);
  });

  it('takes the last exception of a chained traceback, skipping site-packages frames', () => {
    const found = findError(`Traceback (most recent call last):
  File "/app/users.py", line 5, in find
    return cache[user_id]
KeyError: 42

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "/app/views.py", line 20, in show
    user = find(request.args["id"])
  File "/venv/lib/python3.12/site-packages/flask/app.py", line 880, in dispatch
    return handler()
  File "/app/users.py", line 7, in find
    raise LookupError(f"no user {user_id}")
LookupError: no user 42`)!;
    expect(found).toMatchObject({ type: 'LookupError', template: 'no user <n>' });
    expect(found.frames.map(describeFrame)).toEqual(['find (users.py:7)', 'show (views.py:20)']);
  });

  it('reads KeyError, AttributeError and a bare exception line', () => {
    expect(
      findError(
        `Traceback (most recent call last):\n  File "app.py", line 3, in <module>\n    print(config['user_id'])\nKeyError: 'user_id'`,
      ),
    ).toMatchObject({
      type: 'KeyError',
      template: "'<name>'",
      frames: [{ function: '<module>', file: 'app.py', line: 3 }],
    });
    expect(findError("AttributeError: 'NoneType' object has no attribute 'split'")).toMatchObject({
      ecosystem: 'python',
      template: "'<name>' object has no attribute '<name>'",
    });
    expect(
      findError(
        'Traceback (most recent call last):\n  File "big.py", line 2, in <module>\n    data = f.read()\nMemoryError',
      ),
    ).toMatchObject({
      type: 'MemoryError',
      message: '',
    });
  });

  it('reads a psycopg2 error as PostgreSQL, with its DETAIL line', () => {
    const found = findError(`Traceback (most recent call last):
  File "/app/signup.py", line 14, in create_user
    cursor.execute("INSERT INTO users (email) VALUES (%s)", (email,))
psycopg2.errors.UniqueViolation: duplicate key value violates unique constraint "users_email_key"
DETAIL:  Key (email)=(ada@example.com) already exists.`)!;
    expect(found).toMatchObject({
      ecosystem: 'postgres',
      type: 'psycopg2.errors.UniqueViolation',
      details: ['DETAIL:  Key (email)=(ada@example.com) already exists.'],
    });
  });

  it('reads an argparse error', () => {
    expect(
      findError('usage: report.py [-h] --since SINCE\nreport.py: error: the following arguments are required: --since'),
    ).toMatchObject({
      type: 'error',
      template: 'the following arguments are required: <arguments>',
    });
  });
});

describe('findError: PostgreSQL, shell and npm', () => {
  it('reads psql output with DETAIL and HINT', () => {
    const found =
      findError(`psql:migrate.sql:12: ERROR:  duplicate key value violates unique constraint "users_email_key"
DETAIL:  Key (email)=(ada@example.com) already exists.`)!;
    expect(found).toMatchObject({
      ecosystem: 'postgres',
      type: 'ERROR',
      template: 'duplicate key value violates unique constraint "<name>"',
      frames: [{ file: 'migrate.sql', line: 12 }],
      details: ['DETAIL:  Key (email)=(ada@example.com) already exists.'],
    });
    expect(
      findError('ERROR:  relation "orders" does not exist\nLINE 1: SELECT * FROM orders\n                      ^'),
    ).toMatchObject({
      template: 'relation "<name>" does not exist',
      details: ['LINE 1: SELECT * FROM orders'],
    });
  });

  it('reads node-postgres and TypeORM errors as PostgreSQL', () => {
    expect(
      findError('error: current transaction is aborted, commands ignored until end of transaction block'),
    ).toMatchObject({ ecosystem: 'postgres', type: 'error' });
    expect(
      findError(
        'QueryFailedError: relation "user" does not exist\n    at PostgresQueryRunner.query (/app/node_modules/typeorm/driver/postgres/PostgresQueryRunner.js:211:19)',
      ),
    ).toMatchObject({
      ecosystem: 'postgres',
      type: 'QueryFailedError',
      frames: [],
    });
  });

  it('reads shell errors, with the script line as the frame', () => {
    expect(findError('bash: kubectl: command not found')).toMatchObject({
      ecosystem: 'shell',
      type: 'bash',
      template: '<command>: command not found',
    });
    expect(findError('zsh: command not found: kubectl')).toMatchObject({
      type: 'zsh',
      template: 'command not found: <command>',
    });
    expect(findError('/bin/sh: 1: kubectl: not found')).toMatchObject({ type: 'sh', template: '<command>: not found' });
    expect(findError('./deploy.sh: line 12: DEPLOY_ENV: unbound variable')).toMatchObject({
      type: 'bash',
      template: '<name>: unbound variable',
      frames: [{ file: 'deploy.sh', line: 12 }],
    });
    expect(findError("sed: -e expression #1, char 9: unknown option to `s'")).toMatchObject({ type: 'sed' });
  });

  it('reads npm errors (npm 8 and npm 10 prefixes) with the conflict report as details', () => {
    const found = findError(`npm ERR! code ERESOLVE
npm ERR! ERESOLVE unable to resolve dependency tree
npm ERR!
npm ERR! While resolving: my-app@1.0.0
npm ERR! Found: react@18.2.0
npm ERR! node_modules/react
npm ERR!   react@"^18.2.0" from the root project
npm ERR!
npm ERR! Could not resolve dependency:
npm ERR! peer react@"^17.0.0" from react-beautiful-dnd@13.1.1`)!;
    expect(found).toMatchObject({
      ecosystem: 'npm',
      type: 'npm',
      code: 'ERESOLVE',
      message: 'ERESOLVE unable to resolve dependency tree',
    });
    expect(found.details).toContain('peer react@"^17.0.0" from react-beautiful-dnd@13.1.1');
    expect(
      findError('npm error code E404\nnpm error 404 Not Found - GET https://registry.npmjs.org/expresss - Not found'),
    ).toMatchObject({
      code: 'E404',
      template: '<n> Not Found - GET <url> - Not found',
    });
  });

  it('prefers a fenced block to the words around it', () => {
    const found = findError(
      'Why does this happen? I get an Error: sometimes.\n\n```\nRangeError: Maximum call stack size exceeded\n    at walk (/app/tree.js:4:10)\n```',
    )!;
    expect(found).toMatchObject({ type: 'RangeError', frames: [{ function: 'walk', file: 'tree.js', line: 4 }] });
  });

  it('finds an error quoted inline or written inside a sentence', () => {
    expect(findError('I get `TypeError: data.items.map is not a function` when I click save')).toMatchObject({
      type: 'TypeError',
      template: '<object>.map is not a function',
    });
    expect(findError('Why do I get Error: listen EADDRINUSE: address already in use :::3000?')).toMatchObject({
      type: 'Error',
      code: 'EADDRINUSE',
      template: 'listen EADDRINUSE: address already in use <address>',
    });
  });

  it('finds nothing in a message without an error', () => {
    expect(findError('How do I make my API faster? It feels slow when there are many users.')).toBeUndefined();
    expect(findError('My Error handling is messy; any advice?')).toBeUndefined();
  });
});

describe('signatureOfMessage and lookupIds', () => {
  it('files a fix written without type or tail where the printed error looks for it', () => {
    const stored = (message: string) => signatureOfMessage(message).id;
    const candidates = (text: string) => lookupIds(findError(text)!);
    expect(candidates('ERROR:  duplicate key value violates unique constraint "users_email_key"')).toContain(
      stored('duplicate key value violates unique constraint'),
    );
    expect(candidates('Error: listen EADDRINUSE: address already in use :::3000')).toContain(
      stored('Error: listen EADDRINUSE: address already in use'),
    );
    expect(candidates('bash: kubectl: command not found')).toContain(stored('command not found'));
    expect(candidates('./deploy.sh: line 3: TOKEN: unbound variable')).toContain(stored('unbound variable'));
    expect(candidates('report.py: error: the following arguments are required: --since')).toContain(
      stored('error: the following arguments are required'),
    );
    expect(candidates('RangeError: Invalid time zone specified: Mars/Base')).toContain(
      stored('RangeError: Invalid time zone specified'),
    );
  });

  it('puts the exact signature first', () => {
    const found = findError("TypeError: Cannot read properties of undefined (reading 'map')")!;
    expect(lookupIds(found)[0]).toBe(found.id);
    expect(found.id).toBe(signatureId('TypeError', found.template));
  });

  it('does not file unrelated errors together', () => {
    const candidates = lookupIds(findError("TypeError: Cannot read properties of undefined (reading 'map')")!);
    for (const other of [
      'TypeError: Object.groupBy is not a function',
      'command not found',
      'RangeError: Invalid time value',
      'SyntaxError: Unexpected end of JSON input',
    ]) {
      expect(candidates).not.toContain(signatureOfMessage(other).id);
    }
  });
});
