import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { hostPackagesRoot } from './host-packages.ts';
import { preludeModule, type PreludeModule } from './prelude-module.ts';
import { codeImportPattern } from './run-file-names.ts';
import type { Diagnostic } from './run-request.ts';
import { runTestsKey } from './vitest-harness/run-tests-key.ts';

/** The user's files of a TypeScript or JavaScript run, under the names they run as. */
export interface NodeProgramSources {
  code: { file: string; text: string };
  tests?: { file: string; text: string };
  loader: 'ts' | 'js';
}

export interface NodeProgram {
  /** One self-contained ES module for plain `node`; undefined when it cannot be built (see `diagnostics`). */
  text: string | undefined;
  /** Why it could not be built: syntax errors, imports the sandbox cannot provide. */
  diagnostics: Diagnostic[];
  /** Time spent bundling this run (the preludes are built once per process and not counted). */
  bundleMs: number;
}

/** Packages of Kiln's installation a run may import, bundled into its program (zod prebuilt as a prelude). */
const bundledPackages = ['zod', 'hono', 'pg'];
const preludePackages: Record<string, string> = { zod: 'zod' };

const harnessEntry = fileURLToPath(new URL('./vitest-harness/vitest-harness.ts', import.meta.url));
const entryFile = 'kiln-entry.js';
const requireShim = "globalThis.require ??= process.getBuiltinModule('node:module').createRequire(process.argv[1]);\n";

/**
 * Bundles the code (and its tests, with the vitest harness standing in for `vitest`) into one ES module. Node's
 * built-in modules stay imports; `zod`, `hono` and `pg` come from Kiln's own node_modules; any other import
 * is a blocking diagnostic. The program carries an inline source map, so with `--enable-source-maps` stack
 * traces name `pattern.ts:12:5`.
 */
export async function bundleNodeProgram(sources: NodeProgramSources): Promise<NodeProgram> {
  const started = performance.now();
  const files = new Map<string, string>([[sources.code.file, sources.code.text]]);
  if (sources.tests) {
    files.set(sources.tests.file, sources.tests.text);
    const userFiles = JSON.stringify([sources.tests.file, sources.code.file]);
    files.set(
      entryFile,
      `await globalThis[Symbol.for(${JSON.stringify(runTestsKey.description)})]({\n` +
        `  userFiles: ${userFiles},\n  importTests: () => import(${JSON.stringify(`./${sources.tests.file}`)}),\n});\n`,
    );
  }
  const entry = sources.tests ? entryFile : sources.code.file;
  const preludes = new Map<string, PreludeModule>();
  let result: esbuild.BuildResult<{ write: false; metafile: false }>;
  try {
    result = await esbuild.build({
      entryPoints: [entry],
      absWorkingDir: hostPackagesRoot,
      outfile: 'program.mjs',
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      write: false,
      sourcemap: 'external',
      logLevel: 'silent',
      // pg loads its optional native binding lazily, inside a try.
      external: ['pg-native'],
      // CommonJS code keeps its file and folder (the program's, in the work dir).
      define: { __dirname: 'import.meta.dirname', __filename: 'import.meta.filename' },
      tsconfigRaw: { compilerOptions: { useDefineForClassFields: true, verbatimModuleSyntax: false } },
      plugins: [userSourcesPlugin(files, entry, sources.loader, preludes)],
    });
  } catch (error) {
    const failure = error as esbuild.BuildFailure;
    if (!Array.isArray(failure.errors)) throw error;
    return {
      text: undefined,
      diagnostics: failure.errors.map((message) => toDiagnostic(message, sources)),
      bundleMs: elapsed(started),
    };
  }
  const javascript = result.outputFiles.find((file) => file.path.endsWith('.mjs'))?.text ?? '';
  const sourceMap = result.outputFiles.find((file) => file.path.endsWith('.map'))?.text ?? '{}';
  let prefix = [...preludes.values()].map((prelude) => prelude.script).join('');
  if (javascript.includes('__require(')) prefix = requireShim + prefix;
  const map = shiftSourceMap(sourceMap, prefix, files);
  const text = `${prefix}${javascript}//# sourceMappingURL=data:application/json;base64,${map}\n`;
  return { text, diagnostics: [], bundleMs: elapsed(started) };
}

function userSourcesPlugin(
  files: Map<string, string>,
  entry: string,
  loader: 'ts' | 'js',
  preludes: Map<string, PreludeModule>,
): esbuild.Plugin {
  const usePrelude = async (specifier: string, moduleEntry: string) => {
    preludes.set(specifier, await preludeModule(specifier, moduleEntry));
    return { path: specifier, namespace: 'kiln-prelude' };
  };
  return {
    name: 'kiln-sources',
    setup(build) {
      build.onResolve({ filter: new RegExp(`^${entry.replace(/\./g, '\\.')}$`) }, (args) =>
        args.kind === 'entry-point' ? { path: args.path, namespace: 'kiln' } : undefined,
      );
      // Only the user's imports: the packages' own resolve as usual.
      build.onResolve({ filter: /.*/, namespace: 'kiln' }, async (args) => {
        const specifier = args.path;
        const code = [...files.keys()][0] ?? '';
        if (codeImportPattern.test(specifier)) return { path: code, namespace: 'kiln' };
        if (specifier.startsWith('./') && files.has(specifier.slice(2)))
          return { path: specifier.slice(2), namespace: 'kiln' };
        if (specifier.startsWith('.') || specifier.startsWith('/')) {
          return failure(
            `Cannot import "${specifier}": a run has only its code and its tests; ` +
              'the tests import the code as ./pattern, ./code, ./index, ./main or ./solution (any extension)',
          );
        }
        if (isBuiltin(specifier)) return { path: specifier, external: true };
        if (specifier === 'vitest') return usePrelude('vitest', harnessEntry);
        const preludeEntry = preludePackages[specifier];
        if (preludeEntry) return usePrelude(specifier, preludeEntry);
        const name = packageName(specifier);
        if (!bundledPackages.includes(name) || specifier.split('/').includes('..')) {
          return failure(
            `Cannot import "${specifier}": the sandbox has no node_modules; ` +
              `a run can import Node's built-in modules, vitest (in tests) and ${bundledPackages.join(', ')}`,
          );
        }
        const resolved = await build.resolve(specifier, { kind: args.kind, resolveDir: hostPackagesRoot });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        if (!resolved.path.startsWith(path.join(hostPackagesRoot, 'node_modules', name) + path.sep)) {
          return failure(`Cannot import "${specifier}": it resolves outside the ${name} package`);
        }
        return { path: resolved.path };
      });
      build.onLoad({ filter: /.*/, namespace: 'kiln' }, (args) => ({
        contents: files.get(args.path) ?? '',
        loader: args.path === entryFile ? 'js' : loader,
        resolveDir: hostPackagesRoot,
      }));
      build.onLoad({ filter: /.*/, namespace: 'kiln-prelude' }, (args) => ({
        contents: preludes.get(args.path)?.stub ?? '',
        loader: 'js',
      }));
    },
  };
}

/** Moves the map's lines below the preludes, names the user's files plainly, and keeps only their contents. */
function shiftSourceMap(text: string, prefix: string, files: Map<string, string>): string {
  const map = JSON.parse(text) as { sources?: string[]; sourcesContent?: (string | null)[]; mappings?: string };
  const lines = prefix.split('\n').length - 1;
  map.mappings = ';'.repeat(lines) + (map.mappings ?? '');
  map.sources = (map.sources ?? []).map((source) => source.replace(/^kiln:/, ''));
  map.sourcesContent = map.sources.map((source, index) =>
    files.has(source) ? (map.sourcesContent?.[index] ?? null) : null,
  );
  return Buffer.from(JSON.stringify(map)).toString('base64');
}

function toDiagnostic(message: esbuild.Message, sources: NodeProgramSources): Diagnostic {
  const file = message.location?.file.replace(/^kiln:/, '') ?? sources.code.file;
  const imported = message.pluginName === 'kiln-sources' || /Could not resolve/.test(message.text);
  return {
    kind: imported ? 'import' : 'syntax',
    blocking: true,
    source: file === sources.tests?.file ? 'tests' : 'code',
    file,
    line: message.location?.line ?? 1,
    column: (message.location?.column ?? 0) + 1,
    message: message.text,
  };
}

function failure(text: string) {
  return { errors: [{ text }] };
}

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(specifier);
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
