import type { MigrationGuideInput } from '../migration-guide.ts';

export const vue2To3: MigrationGuideInput = {
  id: 'vue-2-to-3',
  title: 'Vue 2 to 3',
  summary:
    'Vue 3 replaces the global Vue constructor with application instances, changes v-model on components, removes filters and the event-emitter instance methods, and renames the destroy lifecycle hooks. Vue 2 reached end of life on 31 December 2023.',
  ecosystem: 'npm',
  from: { name: 'vue', aliases: ['vue', 'vuejs', 'vue.js'], version: '2' },
  to: { name: 'vue', aliases: ['vue', 'vuejs', 'vue.js'], version: '3' },
  packages: ['vue'],
  changes: [
    {
      change:
        '`new Vue({...})` and global configuration (`Vue.use`, `Vue.component`, `Vue.mixin`, `Vue.prototype`) are replaced by an application instance.',
      action: 'Use `createApp(App)`, then `app.use()`, `app.component()`, and `app.config.globalProperties`.',
      find: 'new Vue\\(|Vue\\.(use|component|mixin|directive|prototype)',
    },
    {
      change:
        '`v-model` on a custom component uses the `modelValue` prop and the `update:modelValue` event (not `value`/`input`); `.sync` is replaced by `v-model:prop`.',
      action: 'Rename the prop and event in components used with v-model.',
      find: '\\.sync\\b|\\$emit\\( *["\']input["\']',
    },
    {
      change: 'Filters are removed.',
      action: 'Replace `{{ value | filter }}` with method calls or computed properties.',
      find: '\\{\\{[^}]*[^|]\\|[^|][^}]*\\}\\}',
    },
    {
      change: '`$on`, `$off` and `$once` are removed, so an event bus built on a Vue instance no longer works.',
      action: 'Use an external emitter (mitt, or a small typed emitter) or provide/inject.',
      find: '\\$(on|off|once)\\(',
    },
    {
      change: 'The `beforeDestroy` and `destroyed` hooks are renamed `beforeUnmount` and `unmounted`.',
      action: 'Rename them.',
      find: 'beforeDestroy|destroyed\\b',
    },
    {
      change: '`$listeners` is merged into `$attrs`, and `$children` is removed.',
      action: 'Pass listeners through `$attrs`; use template refs instead of `$children`.',
      find: '\\$listeners|\\$children',
    },
    {
      change: 'When `v-if` and `v-for` are on the same element, `v-if` is evaluated first.',
      action: 'Move one of them to a wrapping `<template>`.',
      find: 'v-for="[^"]*"[^>]*v-if=|v-if="[^"]*"[^>]*v-for=',
    },
    {
      change: '`Vue.set` and `Vue.delete` are not needed (reactivity uses proxies) and are removed.',
      action: 'Assign and delete properties directly.',
      find: 'Vue\\.(set|delete)\\(|this\\.\\$(set|delete)\\(',
    },
  ],
  steps: [
    {
      action:
        'Upgrade the build tooling and the ecosystem packages first (Vue Router 4, Pinia or Vuex 4, a component library with Vue 3 support).',
      check: 'Each of those has a version that declares `vue@^3` as its peer dependency in `npm ls`.',
    },
    {
      action: 'Switch to the migration build (`@vue/compat`) and fix the deprecations it logs, component by component.',
      check: 'The browser console shows no compat warnings for the pages you test.',
    },
    {
      action: 'Remove `@vue/compat` and run the full test suite and end-to-end tests.',
      check: 'Tests pass with plain Vue 3.',
    },
  ],
  risks: ['Component libraries without a Vue 3 version block the upgrade: check them before starting.'],
  companions: [
    { name: 'vue-router', note: 'Vue 3 needs Vue Router 4.' },
    { name: 'vuex', note: 'Vue 3 needs Vuex 4, or move to Pinia.' },
    {
      name: 'vue-template-compiler',
      note: 'replaced by the compiler built into Vue 3 (@vue/compiler-sfc); remove it.',
    },
  ],
  sourceFiles: ['vue', 'js', 'ts'],
  references: ['https://v3-migration.vuejs.org/', 'https://v3-migration.vuejs.org/breaking-changes/'],
};
