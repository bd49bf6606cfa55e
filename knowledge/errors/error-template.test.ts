import { describe, expect, it } from 'vitest';
import { errorTemplate } from './error-template.ts';

describe('errorTemplate', () => {
  it.each([
    ["Cannot read properties of undefined (reading 'map')", "Cannot read properties of undefined (reading '<name>')"],
    ["Cannot read properties of null (reading 'length')", "Cannot read properties of null (reading '<name>')"],
    ['data.items.map is not a function', '<object>.map is not a function'],
    ['Object.groupBy is not a function', '<object>.groupBy is not a function'],
    ['(intermediate value).then is not a function', '<object>.then is not a function'],
    ['fetch is not a function', '<name> is not a function'],
    ['5 is not iterable', '<name> is not iterable'],
    ['__dirname is not defined in ES module scope', '<name> is not defined in ES module scope'],
    ["name 'foo' is not defined", "name '<name>' is not defined"],
    [
      "Cannot find package 'nope-package' imported from /app/src/index.js",
      "Cannot find package '<name>' imported from <path>",
    ],
    ["Cannot find module '@scope/thing'", "Cannot find module '<name>'"],
    ["ENOENT: no such file or directory, open '/app/config.json'", "ENOENT: no such file or directory, open '<path>'"],
    [
      "ENOENT: no such file or directory, open 'C:\\app\\config.json'",
      "ENOENT: no such file or directory, open '<path>'",
    ],
    ['listen EADDRINUSE: address already in use :::3000', 'listen EADDRINUSE: address already in use <address>'],
    ['listen EADDRINUSE: address already in use 127.0.0.1:8080', 'listen EADDRINUSE: address already in use <address>'],
    ['connect ECONNREFUSED ::1:5432', 'connect ECONNREFUSED <address>'],
    ['spawn git ENOENT', 'spawn <command> ENOENT'],
    ['spawnSync /bin/sh ENOBUFS', 'spawnSync <command> ENOBUFS'],
    [
      'Invalid regular expression: /c++/: Nothing to repeat',
      'Invalid regular expression: /<pattern>/: Nothing to repeat',
    ],
    ['() => {} could not be cloned.', '<value> could not be cloned.'],
    [
      `Unexpected token '<', "<!DOCTYPE "... is not valid JSON`,
      `Unexpected token '<value>', "<value>" is not valid JSON`,
    ],
    [
      `Unexpected token '\ufeff', "\ufeff{"a":1}" is not valid JSON`,
      `Unexpected token '<value>', "<value>" is not valid JSON`,
    ],
    ['Cannot create a string longer than 0x1fffffe8 characters', 'Cannot create a string longer than <hex> characters'],
    ['Expecting value: line 1 column 1 (char 0)', 'Expecting value: line <n> column <n> (char <n>)'],
    [
      "'utf-8' codec can't decode byte 0xe2 in position 65535: unexpected end of data",
      "'<name>' codec can't decode byte <hex> in position <n>: unexpected end of data",
    ],
    ["can't compare offset-naive and offset-aware datetimes", "can't compare offset-naive and offset-aware datetimes"],
    [`Attempt to overwrite 'message' in LogRecord`, `Attempt to overwrite '<name>' in LogRecord`],
    [`"Attempt to overwrite 'message' in LogRecord"`, `"Attempt to overwrite '<name>' in LogRecord"`],
    [
      "Command '['git', 'status']' returned non-zero exit status 128.",
      'Command <command> returned non-zero exit status <n>.',
    ],
    [
      'duplicate key value violates unique constraint "users_email_key"',
      'duplicate key value violates unique constraint "<name>"',
    ],
    ['relation "public.orders" does not exist', 'relation "<name>" does not exist'],
    [
      'bind message supplies 1274 parameters, but prepared statement "" requires 66810',
      'bind message supplies <n> parameters, but prepared statement "<value>" requires <n>',
    ],
    ['foo: command not found', '<command>: command not found'],
    ['command not found: foo', 'command not found: <command>'],
    ['DEPLOY_ENV: unbound variable', '<name>: unbound variable'],
    [
      "sed: -e expression #1, char 9: unknown option to `s'",
      "sed: -e expression #<n>, char <n>: unknown option to `<name>'",
    ],
    ['the following arguments are required: --name, --out', 'the following arguments are required: <arguments>'],
    ['404 Not Found - GET https://registry.npmjs.org/expresss - Not found', '<n> Not Found - GET <url> - Not found'],
    ['user 3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b not found', 'user <id> not found'],
    ['cannot reach alice@example.com since 2024-05-01T10:00:00Z', 'cannot reach <email> since <date>'],
    ['TS2345 uses utf-8 and ERR_5', 'TS2345 uses utf-8 and ERR_5'],
  ])('%s', (message, template) => {
    expect(errorTemplate(message)).toBe(template);
  });

  it('is the same for two occurrences of one error with different values', () => {
    expect(errorTemplate("Cannot read properties of undefined (reading 'items')")).toBe(
      errorTemplate("Cannot read properties of undefined (reading 'map')"),
    );
    expect(errorTemplate('listen EADDRINUSE: address already in use :::3000')).toBe(
      errorTemplate('listen EADDRINUSE: address already in use 0.0.0.0:8080'),
    );
  });
});
