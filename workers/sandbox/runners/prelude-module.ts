import * as esbuild from 'esbuild';
import { hostPackagesRoot } from './host-packages.ts';

/**
 * A module bundled once per process and placed ahead of each program that imports it, so that bundling a run
 * only parses the user's files: the test harness (what tests import as `vitest`) and large self-contained
 * packages (`zod`, ~750 kB).
 */
export interface PreludeModule {
  /** A script (nothing leaks into the program's scope) that evaluates the module and registers its exports. */
  script: string;
  /** The ES module the program's imports of the module resolve to: the registered exports, by name. */
  stub: string;
}

const built = new Map<string, Promise<PreludeModule>>();

/** `entry` is a package name or an absolute path; `specifier` is what programs import. Cached per process. */
export function preludeModule(specifier: string, entry: string): Promise<PreludeModule> {
  let module = built.get(specifier);
  if (!module) {
    module = buildPreludeModule(specifier, entry);
    built.set(specifier, module);
    module.catch(() => built.delete(specifier));
  }
  return module;
}

async function buildPreludeModule(specifier: string, entry: string): Promise<PreludeModule> {
  const bundle = await esbuild.build({
    entryPoints: [entry],
    absWorkingDir: hostPackagesRoot,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    metafile: true,
    outfile: 'prelude.mjs',
    legalComments: 'none',
    // Smaller to parse in every run; names are kept, as errors and classes show them.
    minifyWhitespace: true,
    minifySyntax: true,
    keepNames: true,
    logLevel: 'silent',
  });
  const exports = Object.values(bundle.metafile.outputs).flatMap((output) => output.exports);
  const text = bundle.outputFiles[0]?.text ?? '';
  if (/^\s*import\b/m.test(text)) throw new Error(`The prelude module ${specifier} imports other modules`);
  // The ES module becomes a function's body: no `import`/`export`, nothing declared in the program's scope.
  // Its CommonJS parts (@sinonjs/fake-timers) `require` Node's modules: the function gets a real `require`.
  const iife = await esbuild.transform(text, { format: 'iife', globalName: 'preludeExports', platform: 'node' });
  const key = JSON.stringify(`kiln.prelude:${specifier}`);
  return {
    script:
      `((require) => {\n${iife.code}` +
      `Object.defineProperty(globalThis, Symbol.for(${key}), { value: preludeExports });\n` +
      `})(process.getBuiltinModule('node:module').createRequire(process.argv[1] || process.cwd() + '/'));\n`,
    stub: [
      `const preludeExports = globalThis[Symbol.for(${key})];`,
      ...exports.map((name, index) => `const export${index} = preludeExports[${JSON.stringify(name)}];`),
      `export { ${exports.map((name, index) => `export${index} as ${JSON.stringify(name)}`).join(', ')} };`,
    ].join('\n'),
  };
}
