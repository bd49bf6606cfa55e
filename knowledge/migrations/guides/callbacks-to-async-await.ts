import type { MigrationGuideInput } from '../migration-guide.ts';

export const callbacksToAsyncAwait: MigrationGuideInput = {
  id: 'callbacks-to-async-await',
  title: 'Node.js callbacks to async/await',
  summary:
    "Rewriting error-first callback code as promises with async/await, using the promise versions of Node's own APIs and wrapping the rest.",
  ecosystem: 'code',
  from: { name: 'callbacks', aliases: ['callbacks', 'callback', 'callback hell', 'error-first callbacks'] },
  to: { name: 'async/await', aliases: ['async/await', 'async await', 'promises', 'promise'] },
  packages: [],
  changes: [
    {
      change:
        "Node's core modules have promise versions: `node:fs/promises`, `node:timers/promises`, `node:stream/promises`, `dns.promises`.",
      action: 'Import those instead of wrapping the callback versions.',
      find: 'require\\(["\']fs["\']\\)|from ["\'](node:)?fs["\']',
    },
    {
      change:
        'Other error-first callback functions are wrapped with `util.promisify` (or by hand when `this` or several results matter).',
      action: 'Wrap once at the boundary and await the wrapper everywhere else.',
      find: 'function *\\( *err',
    },
    {
      change: 'Errors arrive as rejections, not as the first argument.',
      action: 'Replace `if (err) return cb(err)` with try/catch around awaits, and let errors propagate.',
      find: 'if *\\( *err *\\)',
    },
    {
      change: 'Callbacks called in a loop ran concurrently; awaits in a `for` loop run one after another.',
      action: 'Use `Promise.all` (with a concurrency limit for large lists) where the calls are independent.',
      find: '\\.forEach\\( *async',
    },
    {
      change: 'An async function returns a promise even to callers that still pass a callback.',
      action: 'Convert callers too, or keep a callback adapter (`util.callbackify`) for them during the move.',
    },
  ],
  steps: [
    {
      action: 'Convert from the leaves up: wrap or replace the callback APIs first, then their callers.',
      check: "Each converted module's tests pass before moving to its callers.",
    },
    {
      action: 'Make unhandled rejections visible in tests.',
      check: 'A test run with a deliberately rejected promise fails instead of passing silently.',
    },
  ],
  risks: [
    'Functions that call their callback more than once or synchronously behave differently once promisified: check them first.',
  ],
  patterns: ['js-promisify-callback', 'js-sequential-async-reduce', 'ts-map-with-concurrency'],
  sourceFiles: ['js', 'mjs', 'cjs', 'ts'],
  references: ['https://nodejs.org/api/util.html#utilpromisifyoriginal', 'https://nodejs.org/api/fs.html#promises-api'],
};
