import type { MigrationGuideInput } from '../migration-guide.ts';

export const eslint8To9: MigrationGuideInput = {
  id: 'eslint-8-to-9',
  title: 'ESLint 8 to 9',
  summary:
    'ESLint 9 makes the flat config file (eslint.config.js) the default, drops the eslintrc format from the default path, requires a newer Node.js, and changes a few rule defaults.',
  ecosystem: 'npm',
  from: { name: 'eslint', aliases: ['eslint'], version: '8' },
  to: { name: 'eslint', aliases: ['eslint'], version: '9' },
  packages: ['eslint'],
  requiresRuntime: { name: 'node', version: '18.18' },
  changes: [
    {
      change:
        '`eslint.config.js` (flat config) is the default configuration format; `.eslintrc.*` files are only read with `ESLINT_USE_FLAT_CONFIG=false`.',
      action: 'Convert the configuration to flat config.',
      find: 'eslintrc',
    },
    {
      change: '`.eslintignore` is not read with flat config.',
      action: 'Move its patterns to an `ignores` entry in eslint.config.js.',
    },
    {
      change: 'The `no-unused-vars` rule checks caught errors by default (`caughtErrors: "all"`).',
      action: 'Use the error, name it with the ignored pattern, or omit the binding (`catch {`).',
      find: 'catch *\\( *[a-z_]+ *\\)',
    },
    {
      change:
        'Several formatters were removed from the core (checkstyle, compact, jslint-xml, junit, tap, unix, visualstudio).',
      action: 'Install the formatter as a package if CI uses one of them.',
      find: '(--format|-f) +(checkstyle|compact|jslint-xml|junit|tap|unix|visualstudio)',
    },
    {
      change:
        'Rule and plugin APIs deprecated in v8 are removed (for example `context.getScope()`; use `sourceCode.getScope(node)`).',
      action: 'Upgrade plugins to versions that support ESLint 9.',
      find: 'context\\.(getScope|getAncestors|getDeclaredVariables|markVariableAsUsed)\\(',
    },
  ],
  steps: [
    {
      action:
        'Convert the configuration: `npx @eslint/migrate-config .eslintrc.json` writes an eslint.config.mjs to review.',
      check: '`npx eslint --print-config src/index.js` shows the rules you expect.',
    },
    {
      action: 'Install ESLint 9 and plugin versions that support it.',
      check: '`npx eslint .` runs without configuration or plugin errors.',
    },
    {
      action: 'Compare the findings with ESLint 8 on the same commit.',
      check: 'New findings are explained by the rule changes, not by files that were silently left out.',
    },
  ],
  codemods: [
    { command: 'npx @eslint/migrate-config .eslintrc.json', does: 'converts an eslintrc file into a flat config file' },
  ],
  risks: [
    'Plugins without flat-config support block the upgrade; `@eslint/compat` and `FlatCompat` bridge some of them.',
  ],
  companions: [
    {
      name: '@typescript-eslint/eslint-plugin',
      note: 'use a version that supports ESLint 9 (the typescript-eslint package provides flat configs).',
    },
  ],
  sourceFiles: ['js', 'mjs', 'cjs', 'ts', 'json'],
  references: [
    'https://eslint.org/docs/latest/use/migrate-to-9.0.0',
    'https://eslint.org/docs/latest/use/configure/migration-guide',
  ],
};
