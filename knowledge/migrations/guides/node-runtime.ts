import type { MigrationGuideInput } from '../migration-guide.ts';

export const nodeRuntime: MigrationGuideInput = {
  id: 'node-runtime',
  title: 'Node.js major upgrade (14 to 22)',
  summary:
    'Moving an application to a newer Node.js major: what changed between 14 and 22 that breaks running code, and how to move CI, images and native modules along.',
  ecosystem: 'runtime',
  from: { name: 'node', aliases: ['node', 'node.js', 'nodejs'], version: '14' },
  to: { name: 'node', aliases: ['node', 'node.js', 'nodejs'], version: '22' },
  packages: ['node'],
  changes: [
    {
      since: '15',
      change: 'An unhandled promise rejection ends the process (`--unhandled-rejections=throw` is the default).',
      action:
        "Find promises that are neither awaited nor given a `.catch()`; add a `process.on('unhandledRejection')` logger only as a safety net.",
      find: 'unhandledRejection|\\.then\\(',
    },
    {
      since: '15',
      change:
        'npm 7 and later (bundled from Node 15) install peer dependencies automatically, so conflicting peer ranges fail with ERESOLVE.',
      action:
        'Resolve the conflicts by upgrading the packages whose peer ranges exclude your versions; keep `--legacy-peer-deps` only as a stopgap.',
    },
    {
      since: '17',
      change:
        'Node uses OpenSSL 3: legacy algorithms such as md4 are disabled, which breaks webpack 4 and old crypto code with `error:0308010C:digital envelope routines::unsupported`.',
      action:
        'Upgrade webpack to 5 (5.61 or later) or the tool that hashes with md4; use `--openssl-legacy-provider` only temporarily.',
      find: 'createHash\\( *["\']md4|openssl-legacy-provider',
    },
    {
      since: '17',
      change:
        'DNS results are no longer reordered to put IPv4 first, so `localhost` can resolve to `::1` and connecting to a server bound to `127.0.0.1` fails with `ECONNREFUSED ::1`.',
      action: 'Connect to `127.0.0.1` explicitly, or make the server listen on both stacks.',
      find: 'localhost',
    },
    {
      since: '18',
      change: '`fetch`, `Request`, `Response`, `Headers` and `FormData` are globals.',
      action:
        'Polyfills that overwrite these globals (node-fetch as a global, isomorphic-fetch) can be removed; check code that feature-detects `globalThis.fetch`.',
      find: 'global\\.fetch *=|globalThis\\.fetch *=|isomorphic-fetch|cross-fetch',
    },
    {
      since: '22',
      change:
        "Import assertions (`import data from './x.json' assert { type: 'json' }`) are removed; only import attributes with `with` work.",
      action:
        'Replace `assert {` with `with {` in static and dynamic imports (`with` works from Node 18.20 and 20.10).',
      find: 'assert *\\{ *type:',
    },
    {
      change:
        'Native addons are compiled for one Node major (its NODE_MODULE_VERSION); after an upgrade they fail with "was compiled against a different Node.js version".',
      action:
        'Reinstall dependencies from scratch (`rm -rf node_modules && npm ci`) on the new version, and upgrade addons that have no build for it.',
    },
  ],
  steps: [
    {
      action:
        'Pin the new version everywhere: `.nvmrc`/`.node-version`, `engines.node` in package.json, the CI matrix, and the Dockerfile base image.',
      check: '`git grep -nE "node:?[0-9]+|node-version"` shows only the new major.',
    },
    {
      action: 'Reinstall dependencies on the new version: `rm -rf node_modules && npm ci`.',
      check: 'The install finishes without ERESOLVE or node-gyp errors, and `npm ls` reports no invalid packages.',
    },
    {
      action: 'Run the app and the full test suite on the new version, with warnings visible.',
      check: 'Tests pass; the log shows no new deprecation warnings (`node --trace-deprecation` names their source).',
    },
  ],
  codemods: [
    {
      command: 'npx codemod run @nodejs/import-assertions-to-attributes',
      does: 'rewrites `assert { type: ... }` imports to `with { type: ... }` (Node 22)',
    },
  ],
  risks: [
    'Dependencies that are themselves incompatible with the new major (native addons, old build tools): check them first in a branch.',
    'Behaviour that only shows at run time (unhandled rejections, IPv6 localhost): exercise the app, not only the unit tests.',
  ],
  patterns: ['ts-fetch-with-timeout', 'ts-combine-abort-signals'],
  sourceFiles: ['js', 'mjs', 'cjs', 'ts'],
  references: [
    'https://nodejs.org/en/about/previous-releases',
    'https://nodejs.org/en/blog/migrations/v20-to-v22',
    'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V17.md',
  ],
};
