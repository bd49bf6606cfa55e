import type { ErrorSignature } from '../../../knowledge/errors/error-signature.ts';

/** What usually causes an error of one kind, and how to fix and check it. */
export interface LikelyCause {
  /** One sentence: what the error means, with the names from this occurrence filled in. */
  meaning: string;
  /** The usual causes, most common first. */
  causes: string[];
  /** Fix steps, in order. */
  fixes: string[];
}

interface CauseEntry {
  /** Tested against `type: message` (e.g. `TypeError: Cannot read …`); `$1`… in the texts are its groups. */
  match: RegExp;
  /** A function when a group is optional and the sentence must read well without it. */
  meaning: string | ((groups: (string | undefined)[]) => string);
  causes: string[];
  fixes: string[];
}

/**
 * The advice Kiln gives per kind of error, written by hand from how these errors arise in practice.
 * First match wins, so specific entries come before general ones.
 */
const entries: CauseEntry[] = [
  // JavaScript and TypeScript at run time
  {
    match:
      /Cannot read propert(?:y|ies) (?:'([^']+)' )?of (undefined|null)(?: \(reading '([^']+)'\))?|(?:undefined|null) is not an object \(evaluating '([^']+)'\)/,
    meaning: ([, named, value, reading, evaluating]) => {
      const property = reading ?? named ?? evaluating?.split('.').at(-1);
      return `Code read a property of a value that was \`${value ?? 'undefined'}\` at that moment${property ? ` (it asked for \`.${property}\`)` : ''}.`;
    },
    causes: [
      'The data is not loaded yet: state starts as `undefined` and the code runs before the fetch or query resolves.',
      'The value has another shape than the code expects: a renamed or nested field (`data.items` vs `data.results`), or an API error body instead of the payload.',
      'A missing `await`: the code reads a property of the Promise (which is `undefined`) instead of its result.',
      'A lookup found nothing: `array.find()`, `map.get()` or an index past the end returned `undefined`.',
    ],
    fixes: [
      'Log or inspect the value just before the line in the top frame, and find where it is assigned.',
      'Represent "not loaded yet" explicitly (a loading state, or `?? []` while loading) instead of leaving it `undefined`.',
      'Check the shape where the data enters your code (a schema such as zod, or a guard that names the missing field), so a wrong payload fails there with a clear message.',
      'Add the missing `await`, and handle the "not found" case of lookups before using the result.',
    ],
  },
  {
    match: /^\w*Error: (?:.+\.)?(\w+) is not a function/,
    meaning: '`$1` was called, but the value there is not a function.',
    causes: [
      'The value is not the type you think: an object or a Promise where an array was expected (`.map`, `.filter`), or `undefined`.',
      'A wrong import: a default import of a module that only has named exports, or the reverse (CommonJS/ESM interop).',
      'The API does not exist in this runtime or version (for example `Object.groupBy` before Node 21, or a method removed in a major upgrade).',
      'A name is shadowed: a variable or parameter with the same name as the function.',
    ],
    fixes: [
      'Print `typeof` the value and its constructor just before the call.',
      'Check the import against what the module exports (`import * as m` and log `Object.keys(m)`).',
      'Check the runtime and package versions against the documentation of the method you call.',
    ],
  },
  {
    match: /^ReferenceError: (__dirname|__filename|require|module|exports) is not defined in ES module scope/,
    meaning: '`$1` is a CommonJS variable; this file runs as an ES module, where it does not exist.',
    causes: ['`"type": "module"` in package.json (or a `.mjs` file) makes Node load the file as an ES module.'],
    fixes: [
      'Use `import.meta.dirname` / `import.meta.filename` (Node 20.11+), or `fileURLToPath(import.meta.url)` and `dirname()`.',
      'Replace `require` with `import`; for JSON or CommonJS-only packages use `createRequire(import.meta.url)`.',
      'Or keep this file CommonJS by renaming it to `.cjs`.',
    ],
  },
  {
    match: /^ReferenceError: (\S+) is not defined/,
    meaning: '`$1` is used but no variable, import or global of that name exists where it runs.',
    causes: [
      'A typo, or a missing import or declaration.',
      'A browser global (`window`, `document`, `localStorage`) used in code that runs on the server or in tests.',
      'The variable is declared in another scope (inside a block or function) than where it is used.',
    ],
    fixes: [
      'Import or declare it; for browser globals, run that code only in the browser (or set the test environment to jsdom).',
    ],
  },
  {
    match: /Cannot access '([^']+)' before initialization/,
    meaning: '`$1` is used before its `let`/`const`/`class` declaration has run (the temporal dead zone).',
    causes: [
      "A circular import: two modules import each other and one reads the other's export while it is still loading.",
      'The code calls a function that uses the variable before the line declaring it.',
    ],
    fixes: [
      'Move the declaration above its first use, or break the import cycle (move the shared code into a third module).',
    ],
  },
  {
    match: /Maximum call stack size exceeded|RecursionError: maximum recursion depth exceeded/,
    meaning: 'A function called itself (directly or through others) without stopping.',
    causes: [
      'A recursion whose base case is never reached.',
      'A setter, getter or `toJSON` that triggers itself, or two functions calling each other.',
      'Recursing over a structure with a cycle.',
      'Very deep but finite recursion (a long linked list or deep tree).',
    ],
    fixes: [
      'Look at the repeating frames in the stack to find the loop.',
      'Fix the base case, or rewrite deep recursion as a loop with an explicit stack.',
    ],
  },
  {
    match:
      /Unexpected token '?<'?|"<!DOCTYPE|Unexpected end of JSON input|is not valid JSON|JSONDecodeError: Expecting value|Expected (?:double-quoted )?property name/,
    meaning: 'Text that is not JSON (or is empty) was parsed as JSON.',
    causes: [
      'The server answered with an HTML page (an error page, a login redirect, a dev-server fallback to index.html) where JSON was expected.',
      'The body is empty: a 204 response, an empty file, or a request that failed before writing anything.',
      'The file has a byte-order mark, comments or trailing commas, which JSON does not allow.',
    ],
    fixes: [
      'Check the response status and content type before parsing, and log the first characters of the body when parsing fails.',
      'Treat an empty body explicitly, and strip a leading BOM from files.',
    ],
  },
  {
    match: /Converting circular structure to JSON|Do not know how to serialize a BigInt/,
    meaning: '`JSON.stringify` met a value JSON cannot represent.',
    causes: [
      'An object refers back to itself (a request, a socket, an ORM entity with relations).',
      'A `BigInt` value, which JSON has no type for.',
    ],
    fixes: ['Serialise only the fields you need, or pass a replacer that drops cycles and turns BigInt into a string.'],
  },
  {
    match: /Cannot find (?:module|package) '([^']+)'|ERR_MODULE_NOT_FOUND|MODULE_NOT_FOUND/,
    meaning: 'Node could not resolve the import `$1`.',
    causes: [
      'The package is not installed (not in package.json, or `npm install` not run in this folder or image).',
      'A relative path that is wrong, or an ES module import without the file extension (`./util` must be `./util.js`).',
      "The package's `exports` field does not expose that subpath, or the build output (`dist/`) does not exist yet.",
    ],
    fixes: [
      'Run `npm ls <package>` to see whether and where it is installed.',
      'Write relative ESM imports with their extension, and build before running compiled output.',
    ],
  },
  {
    match: /ERR_REQUIRE_ESM|require\(\) of ES Module/,
    meaning: 'CommonJS code `require()`d a package that is published as an ES module only.',
    causes: [
      'The package dropped CommonJS in a major version (common for packages by sindresorhus, node-fetch 3, chalk 5, …).',
    ],
    fixes: [
      'Load it with `await import()`, move your code to ESM, or stay on the last major version that shipped CommonJS.',
    ],
  },
  {
    match: /EADDRINUSE/,
    meaning: 'The server tried to listen on a port that another process already uses.',
    causes: [
      'An earlier run of the same server is still running (a dev server in another terminal, a crashed watcher, a container).',
      'Another program uses that port.',
      'Tests start servers on a fixed port in parallel.',
    ],
    fixes: [
      "Find the process: `lsof -i :<port>` or `ss -ltnp 'sport = :<port>'` (Windows: `netstat -ano | findstr :<port>`), then stop it.",
      'Or make the port configurable (`PORT`); in tests listen on port 0 and read the assigned port.',
    ],
  },
  {
    match: /ECONNREFUSED/,
    meaning: 'Nothing accepted the connection at that address and port.',
    causes: [
      'The service is not running or not ready yet.',
      '`localhost` resolved to IPv6 `::1` while the server listens on IPv4 `127.0.0.1` only (Node 17+ no longer prefers IPv4).',
      "Inside a container, `localhost` is the container itself: use the other service's name.",
    ],
    fixes: [
      'Check the service is listening (`ss -ltnp`), connect to `127.0.0.1` explicitly, and wait for readiness before connecting.',
    ],
  },
  {
    match: /spawn(?:Sync)? (\S+) ENOENT/,
    meaning: 'Node could not start the program `$1`.',
    causes: [
      "The program is not installed or not on the PATH of the Node process (which may differ from your shell's).",
      'A shell command passed to `spawn` without `shell: true` (the whole string is taken as the program name).',
    ],
    fixes: [
      'Check with `command -v <program>` in the same environment, pass the program and its arguments separately, and handle the `error` event.',
    ],
  },
  {
    match: /ENOENT|FileNotFoundError|No such file or directory/,
    meaning: 'A file or folder that the code opens does not exist at that path.',
    causes: [
      'The path is relative, so it resolves against the working directory (where the program was started), not the source file.',
      'A typo, wrong case (Linux file systems are case-sensitive), or a file not copied into the build or image.',
    ],
    fixes: [
      'Resolve paths from the module (`import.meta.dirname`, Python `Path(__file__).parent`), and log the absolute path that was tried.',
    ],
  },
  {
    match: /EACCES|PermissionError|permission denied/i,
    meaning: 'The process lacks permission for that file, folder or port.',
    causes: [
      'File ownership or mode (a file created by root, a script without the execute bit).',
      'Listening on a port below 1024 without privileges.',
      'A global `npm install` into a system folder.',
    ],
    fixes: [
      'Check `ls -l` on the path, fix ownership or `chmod +x` scripts; use a port above 1024; use a Node version manager instead of `sudo npm`.',
    ],
  },
  {
    match: /EMFILE|Too many open files/,
    meaning: 'The process hit its limit of open files or sockets.',
    causes: [
      'Opening many files or connections at once (`Promise.all` over thousands of reads).',
      'Leaking handles that are never closed.',
    ],
    fixes: [
      'Limit concurrency (a pool of N at a time), close streams and handles in `finally`, and check `ulimit -n`.',
    ],
  },
  {
    match: /heap out of memory|MemoryError|Invalid string length|Cannot create a string longer/,
    meaning: 'The program tried to hold more in memory than it can.',
    causes: [
      'Reading a whole large file, response or query result into memory at once.',
      'A collection that only grows (a cache without limit, an accumulating array).',
    ],
    fixes: [
      'Stream or page through the data instead of loading it all; bound caches; raise the limit (`--max-old-space-size`) only once the growth is understood.',
    ],
  },
  {
    match: /UnhandledPromiseRejection|Unhandled(?: promise)? rejection/i,
    meaning: 'A promise was rejected and no code handled it; since Node 15 this ends the process.',
    causes: [
      'An async function called without `await` or `.catch()`.',
      'An event handler or timer callback that is async and throws.',
    ],
    fixes: [
      'Await the call inside a `try`/`catch`, or attach `.catch()`; reject with `Error` objects so the stack shows where.',
    ],
  },
  {
    match: /ERR_HTTP_HEADERS_SENT|Cannot set headers after they are sent/,
    meaning: 'The handler answered the request twice.',
    causes: [
      'A missing `return` after `res.send`/`res.json`, so the code goes on to send again.',
      'Both a callback and the code after it respond, or `next()` is called after responding.',
    ],
    fixes: ['`return res.status(…).json(…)` at every early exit, and respond in exactly one place per path.'],
  },
  // TypeScript compiler
  {
    match: /^TS(?:2322|2345):/,
    meaning: "A value's type does not fit where it is used.",
    causes: [
      'The value can be `undefined` or `null` where the target cannot (under `strictNullChecks`).',
      "A union or wider type where a narrower one is required, or a typo in an object literal's property.",
    ],
    fixes: ['Narrow the value first (a check, a default, a parse with a schema) rather than casting it with `as`.'],
  },
  {
    match: /^TS(?:2532|18048|2531|18047):/,
    meaning: 'The compiler cannot prove the value is defined here.',
    causes: ['The value is optional or may be `undefined`/`null` on some path.'],
    fixes: ['Handle the missing case (`if (!value) …`, `?? default`, optional chaining) before using it.'],
  },
  {
    match: /^TS2339:/,
    meaning: 'The property is not part of the type the compiler knows for this value.',
    causes: ['A typo, a type that is too wide (`{}`, `object`, a union), or a value typed from an untyped JSON parse.'],
    fixes: ['Narrow the union (`in`, a discriminant), or give the data a real type by parsing it with a schema.'],
  },
  {
    match: /^TS(?:2307|2304|7016):/,
    meaning: 'The compiler cannot find a module, name or type declarations.',
    causes: [
      'A missing dependency or `@types/…` package, a path alias not configured in tsconfig, or a missing import.',
    ],
    fixes: ['Install the package (and its types), check `paths`/`moduleResolution` in tsconfig, or add the import.'],
  },
  // Python
  {
    match: /^\w*KeyError: (.+)/,
    meaning: 'The dict has no key $1.',
    causes: [
      'The key is spelled differently, has another type (`1` vs `"1"`), or is absent for some records.',
      'Data from outside (JSON, CSV, environment) lacks a field the code assumes.',
    ],
    fixes: [
      'Use `d.get(key, default)` where absence is normal, or check `if key in d`; validate external data when it is loaded; print `d.keys()` to see what is there.',
    ],
  },
  {
    match: /'NoneType' object (?:has no attribute '([^']+)'|is not subscriptable|is not iterable)/,
    meaning: 'A value is `None` where the code expects an object.',
    causes: [
      'A function returned `None`: no explicit `return` on some path, or an in-place method (`list.sort()`, `dict.update()`) whose result was assigned.',
      '`re.match`/`re.search` found no match, or a lookup (`dict.get`, an ORM `.first()`) found nothing.',
    ],
    fixes: [
      'Check the value for `None` right after it is produced and handle that case; return a value on every path.',
    ],
  },
  {
    match: /AttributeError: '(\w+)' object has no attribute '([^']+)'/,
    meaning: 'A `$1` has no attribute `$2`.',
    causes: [
      'The object is another type than expected (a dict where an object was expected: use `d["$2"]`).',
      'A typo, or an attribute that a newer or older library version renamed or removed.',
    ],
    fixes: ['Print `type(value)` and `dir(value)` just before the line; check the library version.'],
  },
  {
    match: /IndexError: (?:list|tuple|string) index out of range/,
    meaning: 'An index past the end of a sequence was read.',
    causes: ['An empty list (no results), or an off-by-one loop (`range(len(x) + 1)`).'],
    fixes: ['Check the length first or iterate directly over the items; handle the empty case.'],
  },
  {
    match: /ModuleNotFoundError: No module named '([^']+)'/,
    meaning: 'Python cannot import `$1` in the interpreter that ran the code.',
    causes: [
      'The package is installed in another interpreter or virtual environment than the one running.',
      'The package name differs from the import name (`pip install pyyaml` for `import yaml`).',
      'Running a module inside a package as a script instead of `python -m package.module`.',
    ],
    fixes: [
      'Install with the same interpreter: `python -m pip install <package>`; check `which python` / `sys.executable`; activate the virtual environment.',
    ],
  },
  {
    match: /ImportError: cannot import name '([^']+)'/,
    meaning: '`$1` is not in the module that was imported from.',
    causes: [
      'A circular import (the module is only partly initialised).',
      'The name was moved or removed in another version of the library.',
    ],
    fixes: ['Break the cycle (import inside the function or move shared code), and check the installed version.'],
  },
  {
    match: /ValueError: invalid literal for int\(\) with base \d+: (.+)/,
    meaning: 'Text that is not a whole number, $1, was converted with `int()`.',
    causes: ['Whitespace, a decimal point, an empty string or a header row in the input.'],
    fixes: ['Strip and validate input before converting, and catch `ValueError` to report the bad value.'],
  },
  {
    match: /can't (?:compare|subtract) offset-naive and offset-aware datetimes/,
    meaning: 'A datetime without a time zone was compared or subtracted with one that has a time zone.',
    causes: [
      '`datetime.now()` / `datetime.utcnow()` (naive) mixed with values parsed with an offset or from a database.',
    ],
    fixes: [
      'Use aware datetimes everywhere: `datetime.now(timezone.utc)`, and attach a zone to naive values when they enter the program.',
    ],
  },
  {
    match: /UnicodeDecodeError/,
    meaning: 'Bytes were decoded with an encoding they are not in.',
    causes: ['The file is not UTF-8 (Windows-1252, UTF-16), or a multi-byte character was cut at a chunk boundary.'],
    fixes: ['Open with the right `encoding=`, or decode incrementally; use `errors="replace"` only for display.'],
  },
  {
    match: /ZeroDivisionError/,
    meaning: 'A number was divided by zero.',
    causes: ["An empty collection's average, or a count that can be zero."],
    fixes: ['Handle the zero case explicitly (return `None` or 0 as the domain requires).'],
  },
  // PostgreSQL
  {
    match: /duplicate key value violates unique constraint(?: "([^"]+)")?/,
    meaning: ([, constraint]) =>
      `An insert or update would create a second row with the same value of a unique key${constraint ? ` (\`${constraint}\`)` : ''}.`,
    causes: [
      'Inserting a row that already exists (a retry, a double submit, a re-run import).',
      'A check-then-insert race: two requests both see "no row" and both insert.',
      "A serial/identity sequence behind the table's rows after rows were inserted with explicit ids.",
    ],
    fixes: [
      'Insert or update in one statement: `INSERT … ON CONFLICT (key) DO UPDATE SET …` (or `DO NOTHING`).',
      "Read the DETAIL line for the conflicting key; if it is the id, reset the sequence: `SELECT setval(pg_get_serial_sequence('table', 'id'), max(id)) FROM table`.",
    ],
  },
  {
    match: /relation "([^"]+)" does not exist/,
    meaning: 'The table or view `$1` is not visible to this connection.',
    causes: [
      'Migrations have not run on this database.',
      'Another database or schema (`search_path`) than you think.',
      'The table was created with a quoted mixed-case name ("Users") and is queried unquoted (users).',
    ],
    fixes: [
      'Run the migrations, check `SELECT current_database(), current_schema()`, and list tables with `\\dt *.*`.',
    ],
  },
  {
    match: /column "([^"]+)" (?:of relation "[^"]+" )?does not exist/,
    meaning: 'The column `$1` is not in that table.',
    causes: [
      'A typo or a missing migration.',
      'A mixed-case column that needs double quotes.',
      'A string literal written in double quotes: in SQL "x" is an identifier and \'x\' is a value.',
    ],
    fixes: ['Check the table with `\\d table`, and use single quotes for values.'],
  },
  {
    match: /null value in column "([^"]+)"/,
    meaning: 'A row was written without a value for the NOT NULL column `$1`.',
    causes: ['The application did not set it, or the column has no default.'],
    fixes: ['Set the value, or give the column a `DEFAULT`.'],
  },
  {
    match: /violates foreign key constraint/,
    meaning: 'A row refers to a parent row that does not exist, or a parent row still has children.',
    causes: [
      'Inserting a child before its parent, or with a wrong id.',
      'Deleting a parent that rows still reference.',
    ],
    fixes: [
      'Insert the parent first (in the same transaction), or choose `ON DELETE CASCADE` / `SET NULL` deliberately.',
    ],
  },
  {
    match: /current transaction is aborted/,
    meaning: 'An earlier statement in this transaction failed, so PostgreSQL rejects every statement until ROLLBACK.',
    causes: ['The first error was caught and ignored, and the code went on using the same transaction.'],
    fixes: [
      'Find and fix the first error in the log; roll back on error (or use a SAVEPOINT around statements that may fail).',
    ],
  },
  {
    match: /there is no unique or exclusion constraint matching the ON CONFLICT specification/,
    meaning: 'The ON CONFLICT target names columns that have no unique index or constraint.',
    causes: [
      'The unique index is missing, covers other columns, or is partial/expression-based and not matched exactly.',
    ],
    fixes: [
      'Create a unique index on exactly those columns, or name the constraint: `ON CONFLICT ON CONSTRAINT name`.',
    ],
  },
  {
    match: /syntax error at or near "([^"]+)"/,
    meaning: 'PostgreSQL could not parse the statement near `$1`.',
    causes: [
      'A reserved word used as a name (`user`, `order`, `group`).',
      'A missing comma or parenthesis, or a placeholder style of another database (`?` where PostgreSQL expects numbered `$n` parameters).',
    ],
    fixes: ["Quote or rename the identifier, and compare the placeholders with your driver's."],
  },
  {
    match: /deadlock detected/,
    meaning: 'Two transactions each waited for a lock the other held.',
    causes: ['Transactions updating the same rows in different orders.'],
    fixes: [
      'Lock and update rows in a consistent order (e.g. by id), keep transactions short, and retry on this error.',
    ],
  },
  {
    match: /operator does not exist: (\S+) [^ ]+ (\S+)/,
    meaning: 'PostgreSQL has no operator for a `$1` and a `$2`.',
    causes: ['Comparing values of different types (a jsonb or text value with a number) without a cast.'],
    fixes: ["Cast explicitly (`(data->>'count')::int > 5`) or compare like types."],
  },
  {
    match: /password authentication failed for user "([^"]+)"/,
    meaning: 'PostgreSQL rejected the credentials of `$1`.',
    causes: [
      'A wrong password or user in the connection string, or one that was not URL-encoded.',
      'Connecting to another server than intended (a local one on the same port).',
    ],
    fixes: ['Check the connection string (URL-encode special characters) and which server answers on that port.'],
  },
  // Shell and npm
  {
    match: /command not found|: not found$/,
    meaning: 'The shell could not find that command.',
    causes: [
      'The program is not installed, or its folder is not on `PATH` in this shell (CI, cron and containers have shorter PATHs).',
      'A tool installed in node_modules, which is not on PATH: run it with `npx`.',
    ],
    fixes: [
      'Check with `command -v <name>` and `echo "$PATH"`; install it or call it by its full path; fail early with a clear message when a script\'s tools are missing.',
    ],
  },
  {
    match: /unbound variable/,
    meaning: 'The script used a variable that was never set, and `set -u` makes that an error.',
    causes: ['An environment variable not exported in this environment, or a misspelt name.'],
    fixes: [
      'Give optional variables a default with `${NAME:-default}`, and check required ones at the top of the script.',
    ],
  },
  {
    match: /ERESOLVE/,
    meaning: 'npm could not find versions of the packages that satisfy every peer dependency.',
    causes: [
      'A package declares a peer dependency range (see "Could not resolve dependency: peer …") that excludes the version you use.',
    ],
    fixes: [
      'Upgrade the package named after "from" to a version whose peer range includes yours (`npm view <package> peerDependencies`).',
      '`--legacy-peer-deps` installs anyway, without the peer check: only as a stopgap, and test that combination.',
    ],
  },
  {
    match: /Missing script: "([^"]+)"/,
    meaning: 'package.json has no script named `$1`.',
    causes: ['A typo, or running npm in another folder than the package.'],
    fixes: ['Run `npm run` to list the scripts of this package.'],
  },
  {
    match: /E404|404 Not Found - GET/,
    meaning: 'The registry has no package by that name (or you are not allowed to see it).',
    causes: ['A typo in the package name, or a private package without registry authentication.'],
    fixes: ["Check the name on the registry, and `.npmrc` for the scope's registry and token."],
  },
];

/** The advice for an error, or undefined when the table has none (the answer then relies on the patterns). */
export function likelyCause(signature: Pick<ErrorSignature, 'type' | 'message'>): LikelyCause | undefined {
  const text = signature.type ? `${signature.type}: ${signature.message}` : signature.message;
  for (const entry of entries) {
    const match = entry.match.exec(text);
    if (!match) continue;
    const fill = (line: string) => line.replace(/\$(\d)/g, (_, index: string) => match[Number(index)] ?? '');
    return {
      meaning: typeof entry.meaning === 'string' ? fill(entry.meaning) : entry.meaning([...match]),
      causes: entry.causes.map(fill),
      fixes: entry.fixes.map(fill),
    };
  }
  return undefined;
}
