import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { hostPackagesRoot } from './host-packages.ts';
import { codeImportPattern } from './run-file-names.ts';
import type { Diagnostic } from './run-request.ts';

export interface TypeScriptSources {
  code: { file: string; text: string };
  tests?: { file: string; text: string };
}

// The user's files live in memory, in a folder that does not exist, inside Kiln's installation so that
// `zod`, `hono`, `pg` and @types/node resolve from its node_modules.
const virtualFolder = path.join(hostPackagesRoot, '.kiln-run');
const vitestTypes = fileURLToPath(new URL('./vitest-harness/vitest-module.d.ts', import.meta.url));
const nodeTypesInstalled = existsSync(path.join(hostPackagesRoot, 'node_modules', '@types', 'node', 'package.json'));

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2023,
  lib: ['lib.es2023.d.ts'],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  noEmit: true,
  strict: true,
  esModuleInterop: true,
  resolveJsonModule: true,
  skipLibCheck: true,
  useDefineForClassFields: true,
  types: ['node'],
  typeRoots: [path.join(hostPackagesRoot, 'node_modules', '@types')],
};

// What the check may read of the host: TypeScript's libraries, installed packages, the harness's types. A run's
// `/// <reference path>` or relative import must not show it the types (or literal values) of Kiln's own files.
const readableFolders = [path.dirname(ts.getDefaultLibFilePath(options)), path.join(hostPackagesRoot, 'node_modules')];
const readable = (name: string) =>
  name === vitestTypes || readableFolders.some((folder) => name.startsWith(folder + path.sep));

// Library and package declarations never change while Kiln runs: parsed once, shared by every check.
const declarationFiles = new Map<string, ts.SourceFile | undefined>();
const resolutionCache = ts.createModuleResolutionCache(virtualFolder, (name) => name, options);
const baseHost = ts.createCompilerHost(options);

/**
 * TypeScript's diagnostics for a run: syntax errors (which stop the run) and type errors (reported; the code
 * runs anyway), for ES2023 with Node's globals and modules (@types/node), strict. Tests see `vitest` as the
 * harness provides it. Without @types/node installed (Kiln installed without dev dependencies), only syntax
 * errors are reported, since every use of Node would be a type error.
 *
 * The first check of a process parses the library declarations (about 2–3 s); later ones take ~100–300 ms.
 */
export function checkTypes(sources: TypeScriptSources): Diagnostic[] {
  const files = new Map<string, { text: string; source: Diagnostic['source'] }>();
  files.set(path.join(virtualFolder, sources.code.file), { text: sources.code.text, source: 'code' });
  if (sources.tests) {
    files.set(path.join(virtualFolder, sources.tests.file), { text: sources.tests.text, source: 'tests' });
  }
  const codePath = path.join(virtualFolder, sources.code.file);

  // The user's imports: the code by its names, each other's files, the harness's types; nothing else relative.
  const resolveUserImport = (text: string): ts.ResolvedModuleWithFailedLookupLocations | undefined => {
    const sibling = path.join(virtualFolder, text);
    if (codeImportPattern.test(text)) return resolved(codePath, ts.Extension.Ts);
    if (text.startsWith('./') && files.has(sibling)) return resolved(sibling, ts.Extension.Ts);
    if (/^[./]/.test(text)) return { resolvedModule: undefined };
    if (text === 'vitest') return resolved(vitestTypes, ts.Extension.Dts);
    return undefined;
  };
  const host: ts.CompilerHost = {
    ...baseHost,
    fileExists: (name) => files.has(name) || (readable(name) && baseHost.fileExists(name)),
    readFile: (name) => files.get(name)?.text ?? (readable(name) ? baseHost.readFile(name) : undefined),
    directoryExists: (name) =>
      (readable(name + path.sep) || readableFolders.some((folder) => folder.startsWith(name))) &&
      (baseHost.directoryExists?.(name) ?? true),
    getSourceFile(name, languageVersion) {
      const file = files.get(name);
      if (file) return ts.createSourceFile(name, file.text, languageVersion, false, ts.ScriptKind.TS);
      if (!readable(name)) return undefined;
      if (!declarationFiles.has(name)) declarationFiles.set(name, baseHost.getSourceFile(name, languageVersion));
      return declarationFiles.get(name);
    },
    resolveModuleNameLiterals: (literals, containingFile, _redirect, compilerOptions) =>
      literals.map(
        ({ text }) =>
          (files.has(containingFile) ? resolveUserImport(text) : undefined) ??
          ts.resolveModuleName(text, containingFile, compilerOptions, host, resolutionCache),
      ),
  };
  const program = ts.createProgram({
    rootNames: [...files.keys()],
    options: nodeTypesInstalled ? options : { ...options, types: [] },
    host,
  });
  const diagnostics: Diagnostic[] = [];
  for (const [name, { source }] of files) {
    const file = program.getSourceFile(name);
    if (!file) continue;
    const syntax = program.getSyntacticDiagnostics(file);
    diagnostics.push(...syntax.map((diagnostic) => toDiagnostic(diagnostic, 'syntax', source)));
    if (syntax.length > 0 || !nodeTypesInstalled) continue;
    const types = program
      .getSemanticDiagnostics(file)
      .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error);
    diagnostics.push(...types.map((diagnostic) => toDiagnostic(diagnostic, 'type', source)));
  }
  return diagnostics;
}

function resolved(resolvedFileName: string, extension: ts.Extension): ts.ResolvedModuleWithFailedLookupLocations {
  return { resolvedModule: { resolvedFileName, extension } };
}

function toDiagnostic(diagnostic: ts.Diagnostic, kind: 'syntax' | 'type', source: Diagnostic['source']): Diagnostic {
  const file = diagnostic.file;
  const position =
    file && diagnostic.start !== undefined ? file.getLineAndCharacterOfPosition(diagnostic.start) : undefined;
  return {
    kind,
    blocking: kind === 'syntax',
    source,
    file: file ? path.basename(file.fileName) : '',
    line: (position?.line ?? 0) + 1,
    column: (position?.character ?? 0) + 1,
    message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    code: diagnostic.code,
  };
}
