// The linter, configured once for the whole tree: typescript-eslint's and eslint-plugin-svelte's recommended rules.
// Formatting is Prettier's job (`npm run format`); the import direction and file cycles are dependency-cruiser's
// (.dependency-cruiser.cjs), both run by `npm run lint`.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import svelteConfig from './client/svelte.config.js';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'client/build/',
      'client/.svelte-kit/',
      '.kiln/',
      'test-artifacts/',
      // Seed patterns are content, checked by their own tests (npm run corpus:test).
      'knowledge/corpus/*/',
      // Evaluation sets: public code vendored as it is (see knowledge/evaluation/projects/README.md).
      'knowledge/evaluation/projects/*/source/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  {
    files: ['client/**/*.svelte', 'client/**/*.svelte.ts', 'client/src/**/*.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'], svelteConfig },
    },
  },
  {
    files: ['client/**/*.svelte', 'client/**/*.svelte.ts'],
    rules: {
      // The client is served at the root (SvelteKit's paths.base is never set), so links and goto() need no resolve().
      'svelte/no-navigation-without-resolve': 'off',
      // The state classes keep listeners, caches and timestamps in plain Set/Map/Date on purpose: what the UI reacts
      // to lives in $state fields, and making these reactive would re-render on every listener added.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Components use svelte/prefer-const, which knows `let { … } = $props()`.
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    // A `let` read by a closure before its one assignment (start-up wiring) cannot be a const.
    rules: { 'prefer-const': ['error', { ignoreReadBeforeAssign: true }] },
  },
  {
    // Tests read JSON and socket answers of many shapes; `any` there saves a cast per assertion.
    files: ['tests/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
