import type { MigrationGuideInput } from '../migration-guide.ts';

export const nodeFetchToFetch: MigrationGuideInput = {
  id: 'node-fetch-to-fetch',
  title: 'node-fetch to the built-in fetch',
  summary:
    'Node.js 18 and later have `fetch` built in (implemented by undici): the node-fetch dependency can go, but a few node-fetch options and Node-stream behaviours have other forms.',
  ecosystem: 'npm',
  from: { name: 'node-fetch', aliases: ['node-fetch', 'nodefetch'] },
  to: {
    name: 'fetch',
    aliases: ['fetch', 'native fetch', 'built-in fetch', 'builtin fetch', 'global fetch', 'undici'],
  },
  packages: ['node-fetch'],
  requiresRuntime: { name: 'node', version: '18' },
  changes: [
    {
      change: 'There is nothing to import: `fetch`, `Headers`, `Request`, `Response` and `FormData` are globals.',
      action: "Remove `import fetch from 'node-fetch'` / `require('node-fetch')`.",
      find: 'node-fetch',
    },
    {
      change: "node-fetch v2's `timeout` option does not exist.",
      action: 'Pass `signal: AbortSignal.timeout(ms)`.',
      find: 'timeout: *[0-9]',
    },
    {
      change: '`response.buffer()` does not exist.',
      action: 'Use `Buffer.from(await response.arrayBuffer())`.',
      find: '\\.buffer\\(\\)',
    },
    {
      change: 'The `agent` option is not supported.',
      action:
        "Use undici's `dispatcher` option (`new Agent({...})` from the undici package) for keep-alive, proxies or TLS settings.",
      find: 'agent:',
    },
    {
      change: '`response.body` is a web ReadableStream, not a Node.js stream.',
      action:
        "Convert with `Readable.fromWeb(response.body)` from 'node:stream' where a Node stream is needed, or iterate it with `for await`.",
      find: '\\.body\\.pipe\\(',
    },
    {
      change:
        'Network failures reject with `TypeError: fetch failed`; the reason (ECONNREFUSED, ENOTFOUND, …) is in `error.cause`.',
      action: 'Log and branch on `error.cause.code`.',
      find: 'FetchError',
    },
  ],
  steps: [
    {
      action: 'Make sure every environment runs Node.js 18 or newer.',
      check: '`node -e "console.log(typeof fetch)"` prints `function` in CI and production.',
    },
    {
      action: 'Replace the node-fetch specifics listed below, then uninstall it.',
      check: 'The search for `node-fetch` finds nothing and `npm ls node-fetch` shows no direct dependency.',
    },
    {
      action: 'Test timeouts, redirects and error handling against a local server.',
      check: 'A test for a slow response aborts at the timeout and a refused connection surfaces its `cause.code`.',
    },
  ],
  risks: [
    'Mocks that patched node-fetch (nock relies on http interception) may not intercept undici: check that tests still fake the network.',
  ],
  patterns: ['ts-fetch-with-timeout', 'ts-fetch-json-with-errors', 'ts-download-to-file'],
  sourceFiles: ['js', 'mjs', 'cjs', 'ts'],
  references: ['https://nodejs.org/api/globals.html#fetch', 'https://github.com/node-fetch/node-fetch#readme'],
};
