import type { MigrationGuideInput } from '../migration-guide.ts';

export const commonjsToEsm: MigrationGuideInput = {
  id: 'commonjs-to-esm',
  title: 'CommonJS to ES modules (Node.js)',
  summary:
    'Converting a Node.js package from `require`/`module.exports` to `import`/`export`: how Node decides which system a file uses, and what CommonJS gave for free that ES modules do not.',
  ecosystem: 'code',
  from: { name: 'commonjs', aliases: ['commonjs', 'cjs', 'require()', 'module.exports'] },
  to: {
    name: 'esm',
    aliases: ['esm', 'es modules', 'es module', 'ecmascript modules', 'import/export', '"type": "module"'],
  },
  packages: [],
  changes: [
    {
      change:
        'Node treats `.js` files as ES modules only when the nearest package.json has `"type": "module"`; `.mjs` is always ESM and `.cjs` always CommonJS.',
      action:
        'Add `"type": "module"`, and rename files that must stay CommonJS (config files of some tools) to `.cjs`.',
    },
    {
      change: '`require()`, `module.exports` and `exports` do not exist in ES modules.',
      action: 'Use `import` and `export`; replace a conditional or lazy `require()` with `await import()`.',
      find: '\\brequire\\(|module\\.exports|\\bexports\\.',
    },
    {
      change:
        'Relative import specifiers need the full file name: `./util` must be `./util.js`, and a folder must be imported as `./lib/index.js`.',
      action:
        'Add the extensions (TypeScript with `"module": "NodeNext"` also writes `.js` in the specifier of a `.ts` file).',
      find: 'from ["\']\\.{1,2}/[^"\'.]*["\']',
    },
    {
      change: '`__dirname` and `__filename` do not exist.',
      action: 'Use `import.meta.dirname` / `import.meta.filename` (Node 20.11+) or `fileURLToPath(import.meta.url)`.',
      find: '__dirname|__filename',
    },
    {
      change: '`require.resolve()` and `require.cache` do not exist.',
      action: 'Use `import.meta.resolve()`; there is no module cache to clear (restart or use a new worker instead).',
      find: 'require\\.(resolve|cache)',
    },
    {
      change: 'JSON files cannot be imported without an import attribute.',
      action:
        "Use `import data from './data.json' with { type: 'json' }`, or read and parse the file, or `createRequire(import.meta.url)`.",
      find: 'require\\([^)]*\\.json',
    },
    {
      change:
        'Importing a CommonJS package gives its `module.exports` as the default export; named imports work only where Node can detect the exports statically.',
      action: 'When a named import fails, import the default and destructure it.',
    },
  ],
  steps: [
    {
      action:
        'Set `"type": "module"` in package.json (and `"module"`/`"moduleResolution": "NodeNext"` in tsconfig for TypeScript).',
      check: '`node -e "import(\'./your-entry.js\')"` loads the entry point.',
    },
    {
      action: 'Convert file by file: imports with extensions, exports, `import.meta` paths.',
      check: 'The search for `require(`, `module.exports` and `__dirname` (below) finds nothing outside `.cjs` files.',
    },
    {
      action:
        'Move the test runner to ESM support (Jest needs `--experimental-vm-modules`; Vitest supports ESM natively).',
      check: 'The whole test suite runs and passes.',
    },
  ],
  codemods: [
    {
      command: 'npx cjstoesm ./src ./src',
      does: 'rewrites require/module.exports to import/export in place; review its output',
    },
  ],
  risks: [
    'Packages consuming yours with `require()` break: publish both formats (an `exports` map with `import` and `require` conditions) or a new major.',
    'Top-level code runs in a different order with static imports than with lazy `require()` calls.',
  ],
  patterns: ['ts-esm-module-paths', 'ts-read-json-config-file'],
  sourceFiles: ['js', 'mjs', 'cjs', 'ts'],
  references: ['https://nodejs.org/api/esm.html', 'https://nodejs.org/api/packages.html#determining-module-system'],
};
