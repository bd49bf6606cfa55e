// Import direction between Kiln's top-level folders, and no file cycles (`npm run lint`, part of `npm test`).
// server → workers, knowledge, platform, protocol; workers → knowledge, platform, protocol; knowledge → platform;
// client → protocol; protocol and platform stand alone. Tests beside the code may use tests/support.
const testFile = '\\.test\\.ts$';
const testSupport = '^tests/support/';

/** A rule forbidding files under `from` to import anything under the folders not in `allowed` (nor other tops). */
function onlyImports(name, from, allowed) {
  return {
    name,
    severity: 'error',
    comment: `${from} may import only from ${allowed.join(', ')} (see ARCHITECTURE.md, "Folders")`,
    from: { path: `^${from}/`, pathNot: testFile },
    to: {
      path: '^(protocol|platform|server|workers|knowledge|client|scripts|tests)/',
      pathNot: `^(${[from, ...allowed].join('|')})/`,
    },
  };
}

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'Files must not import each other in a cycle, directly or through others (types included).',
      from: {},
      to: { circular: true },
    },
    onlyImports('protocol-stands-alone', 'protocol', []),
    onlyImports('platform-stands-alone', 'platform', []),
    onlyImports('knowledge-on-platform', 'knowledge', ['platform']),
    onlyImports('workers-direction', 'workers', ['knowledge', 'platform', 'protocol']),
    onlyImports('server-direction', 'server', ['workers', 'knowledge', 'platform', 'protocol']),
    onlyImports('client-on-protocol', 'client', ['protocol']),
    {
      name: 'tests-beside-code-follow-the-direction',
      severity: 'error',
      comment: "A test beside the code follows its folder's direction, plus tests/support.",
      from: { path: `^(protocol|platform|knowledge)/.*${testFile}` },
      to: { path: '^(server|workers|client|scripts)/' },
    },
    {
      name: 'tests-beside-workers-code',
      severity: 'error',
      from: { path: `^workers/.*${testFile}` },
      to: { path: '^(server|client|scripts)/' },
    },
    {
      name: 'client-imports-resolve',
      severity: 'error',
      comment: 'Every import of the client resolves (an alias to another folder would otherwise pass unseen).',
      from: { path: '^client/' },
      to: { couldNotResolve: true, pathNot: '^(\\$app|\\$env)/|^svelte/internal/|^@sveltejs/kit$' },
    },
    {
      name: 'test-support-only-from-tests',
      severity: 'error',
      comment: 'Production code never imports test support.',
      from: { path: '^(protocol|platform|knowledge|workers|server|client)/', pathNot: testFile },
      to: { path: testSupport },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: {
      path: '^(node_modules|client/build|client/\\.svelte-kit|\\.kiln|knowledge/corpus/[^/]+/|knowledge/evaluation/projects/[^/]+/source/)',
    },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.imports.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.svelte'] },
  },
};
