import type { MigrationGuideInput } from '../migration-guide.ts';

export const express4To5: MigrationGuideInput = {
  id: 'express-4-to-5',
  title: 'Express 4 to 5',
  summary:
    'Express 5 keeps the API but removes long-deprecated methods and signatures, moves routing to path-to-regexp 8 (new path syntax), forwards rejected promises from handlers to the error middleware, and changes several defaults.',
  ecosystem: 'npm',
  from: { name: 'express', aliases: ['express', 'expressjs', 'express.js'], version: '4' },
  to: { name: 'express', aliases: ['express', 'expressjs', 'express.js'], version: '5' },
  packages: ['express'],
  requiresRuntime: { name: 'node', version: '18' },
  changes: [
    { change: '`app.del()` is removed.', action: 'Register DELETE routes with `app.delete()`.', find: '\\.del\\(' },
    {
      change: '`req.param(name)` is removed.',
      action: 'Read the value explicitly from `req.params`, `req.body` or `req.query`.',
      find: 'req\\.param\\(',
    },
    {
      change:
        'Route path syntax follows path-to-regexp 8: a wildcard must be named (`/*splat`, or `/{*splat}` to match the root too), `?` no longer marks an optional part (use braces: `/:file{.:ext}`), regular-expression characters in path strings are not supported, and `( ) [ ] ? + !` are reserved (escape them with `\\`).',
      action:
        'Rewrite such paths; use an array of paths instead of `[a|b]` alternatives. Wildcard parameters are now arrays of segments.',
      find: '\\.(get|post|put|patch|delete|all|use|route)\\( *["\'`][^"\'`]*[*?()+!]',
    },
    {
      change:
        'A rejected promise or an error thrown in an `async` handler or middleware is passed to the error-handling middleware, as if `next(err)` were called.',
      action:
        'Make sure an error-handling middleware (four arguments) is registered; wrappers such as `express-async-handler` or `express-async-errors` are no longer needed.',
      find: 'express-async-errors|express-async-handler|asyncHandler\\(',
    },
    {
      change: '`res.send(status)` with a number is removed.',
      action: 'Use `res.sendStatus(status)`; to send a number as the body, send it as a string.',
      find: '\\.send\\( *[0-9]{3} *\\)',
    },
    {
      change: '`res.json(obj, status)`, `res.jsonp(obj, status)` and `res.send(body, status)` are removed.',
      action: 'Set the status first: `res.status(status).json(obj)`.',
      find: '\\.(json|jsonp|send)\\([^)]*, *[0-9]{3} *\\)',
    },
    {
      change: '`res.redirect(url, status)` is removed.',
      action: 'Use `res.redirect(status, url)`.',
      find: '\\.redirect\\( *["\'`][^"\'`]*["\'`] *, *[0-9]{3}',
    },
    {
      change: "The magic string `'back'` in `res.redirect()` and `res.location()` is removed.",
      action: "Use `req.get('Referrer') || '/'`.",
      find: '(redirect|location)\\( *["\']back["\']',
    },
    {
      change: '`req.acceptsCharset()`, `req.acceptsEncoding()` and `req.acceptsLanguage()` are removed.',
      action: 'Use the plural `acceptsCharsets()`, `acceptsEncodings()`, `acceptsLanguages()`.',
      find: 'accepts(Charset|Encoding|Language)\\(',
    },
    { change: '`res.sendfile()` is removed.', action: 'Use `res.sendFile()`.', find: '\\.sendfile\\(' },
    {
      change:
        'The `app.param(fn)` and `router.param(fn)` signatures are removed, and a leading colon in `app.param(name, fn)` is ignored.',
      action: 'Use `app.param(name, fn)` with the bare parameter name.',
      find: '\\.param\\( *(function|\\(|["\']:)',
    },
    { change: '`express.static.mime` is removed.', action: 'Use the `mime-types` package.', find: 'static\\.mime' },
    {
      change: '`express.urlencoded()` defaults to `extended: false`.',
      action: 'Pass `{ extended: true }` where nested form fields must be parsed into objects.',
      find: 'urlencoded\\(',
    },
    {
      change:
        '`req.query` is a read-only getter, and the default query parser is "simple" instead of "extended", so `?a[b]=1` is no longer parsed into nested objects.',
      action:
        "Stop assigning to `req.query`; set `app.set('query parser', 'extended')` if the app relies on nested query objects.",
      find: 'req\\.query *= *[^=]',
    },
    {
      change: '`req.body` is `undefined` when no body parser ran (it was `{}`).',
      action: 'Guard reads of `req.body` in routes without a parser.',
      find: 'req\\.body\\.',
    },
    {
      change: '`express.static` ignores dotfiles by default, so folders such as `.well-known` answer 404.',
      action: "Serve the folders you need explicitly with `{ dotfiles: 'allow' }`.",
      find: 'express\\.static\\(',
    },
    {
      change: '`app.listen` passes server errors (such as EADDRINUSE) to its callback instead of throwing them.',
      action: 'Handle the `error` argument in the listen callback.',
      find: '\\.listen\\(',
    },
    {
      change:
        '`req.host` keeps the port number; `req.params` has a null prototype and omits parameters that did not match.',
      action: 'Do not call `req.params.hasOwnProperty`; check for missing parameters with `in` or `undefined`.',
      find: 'req\\.host\\b|req\\.params\\.hasOwnProperty',
    },
    {
      change: '`res.status()` accepts only integers from 100 to 999, and `res.vary()` throws without a field.',
      action: 'Pass valid integer status codes and a field name.',
      find: 'res\\.vary\\( *\\)',
    },
  ],
  steps: [
    {
      action: 'Run Node.js 18 or newer everywhere the app runs (Express 5 requires it).',
      check: '`node --version` in CI, the container image and production shows 18 or later.',
    },
    {
      action: 'Install Express 5: `npm install express@5` (and `npm install -D @types/express@5` for TypeScript).',
      check: '`npm ls express` shows a single 5.x version.',
    },
    {
      action: 'Rewrite route paths with wildcards, optional parts or regular-expression characters to the new syntax.',
      check: 'A test request to each rewritten route still matches (no new 404s).',
    },
    {
      action: 'Check error handling: rejected promises in handlers now reach the error middleware.',
      check: "A test where a handler rejects gets the error middleware's response instead of a hung request.",
    },
  ],
  codemods: [
    {
      command: 'npx @expressjs/codemod upgrade',
      does: "runs all Express 5 codemods: pluralized methods, `req.param()`, `res.redirect('back')`, argument order of deprecated signatures",
    },
  ],
  risks: [
    'Route paths that no longer match answer 404 silently: only tests or traffic reveal them.',
    'Clients sending nested query strings (`?filter[status]=open`) get flat keys unless the extended query parser is set back.',
    'Middleware from other packages may still call removed APIs; upgrade it, and check its issue tracker for Express 5 support.',
    'Content-Type headers change for some static files (for example `.js` is served as `text/javascript`).',
  ],
  companions: [
    { name: '@types/express', note: 'move to ^5 together with express.' },
    { name: 'express-async-errors', note: 'no longer needed: Express 5 forwards rejected promises itself; remove it.' },
    {
      name: 'express-async-handler',
      note: 'no longer needed: Express 5 forwards rejected promises itself; unwrap the handlers.',
    },
  ],
  patterns: ['ts-graceful-http-shutdown', 'ts-validate-request-body-with-zod'],
  sourceFiles: ['js', 'mjs', 'cjs', 'ts'],
  references: ['https://expressjs.com/en/guide/migrating-5.html', 'https://github.com/expressjs/codemod'],
};
