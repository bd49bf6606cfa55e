import path from 'node:path';
import ts from 'typescript';
import { nodeGlobals, sharedGlobals } from './runtime-globals.ts';

/** A snippet compiled on its own: its syntax tree, the checker, and the program they come from. */
export interface SnippetProgram {
  program: ts.Program;
  sourceFile: ts.SourceFile;
  checker: ts.TypeChecker;
}

/**
 * Options that surface real bugs in a snippet without drowning them in noise:
 * `strict` for null checks and bad assignments, but no `noImplicitAny` (snippets
 * rarely annotate parameters), no `useUnknownInCatchVariables` and no property
 * initialisation checks (classes shown out of their framework). Every file is a
 * module, so top-level `await` works and snippet names never clash with the DOM's
 * globals. Only the ES library, the DOM library for code that uses the DOM,
 * and loose declarations of runtime globals (`runtime-globals.ts`) are loaded:
 * other packages' types are not, so imports are unknown (see `compilerFindings`).
 */
const compilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  lib: ['lib.es2023.d.ts'],
  types: [],
  strict: true,
  noImplicitAny: false,
  noImplicitThis: false,
  useUnknownInCatchVariables: false,
  strictPropertyInitialization: false,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  allowUnreachableCode: false,
  allowJs: true,
  checkJs: true,
  jsx: ts.JsxEmit.Preserve,
  noEmit: true,
  skipLibCheck: true,
};

const browserOptions: ts.CompilerOptions = {
  ...compilerOptions,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
};
const libraryDirectory = path.dirname(ts.getDefaultLibFilePath(compilerOptions));

/** The runtime globals, by environment: Node's always; timers, `fetch`… only where the DOM library does not declare them. */
const globalsText = { browser: nodeGlobals, server: nodeGlobals + sharedGlobals };

/** The library files, parsed once per process: parsing them is most of a cold review's cost. */
const librarySourceFiles = new Map<string, ts.SourceFile>();

function librarySourceFile(fileName: string, text = ts.sys.readFile(fileName)): ts.SourceFile | undefined {
  const cached = librarySourceFiles.get(fileName);
  if (cached) return cached;
  if (text === undefined) return undefined;
  const sourceFile = ts.createSourceFile(fileName, text, compilerOptions.target!);
  librarySourceFiles.set(fileName, sourceFile);
  return sourceFile;
}

/** Code that uses the browser's DOM (it gets the DOM library; other code gets Node-or-browser globals). */
function usesDom(code: string): boolean {
  return /\b(document|window|navigator|localStorage|sessionStorage|customElements|HTML\w*Element|MouseEvent|KeyboardEvent)\b|\.(querySelector(All)?|getElementById|addEventListener|innerHTML|textContent)\b/.test(
    code,
  );
}

export type SnippetKind = 'ts' | 'tsx' | 'js' | 'jsx';

/**
 * Compiles `code` as the only file of a program (`/snippet.<kind>`), with the
 * cached library files and nothing else: imports of other modules do not resolve
 * and are typed `any`.
 */
export function compileSnippet(code: string, kind: SnippetKind): SnippetProgram {
  const fileName = `/snippet.${kind}`;
  const environment = kind === 'tsx' || kind === 'jsx' || usesDom(code) ? 'browser' : 'server';
  const options = environment === 'browser' ? browserOptions : compilerOptions;
  const globalsFile = `/kiln-${environment}-globals.d.ts`;
  const scriptKind = { ts: ts.ScriptKind.TS, tsx: ts.ScriptKind.TSX, js: ts.ScriptKind.JS, jsx: ts.ScriptKind.JSX }[
    kind
  ];
  let sourceFile: ts.SourceFile | undefined;
  const isLibrary = (name: string) => name.startsWith(libraryDirectory + path.sep);
  const host: ts.CompilerHost = {
    // The program's own parse options carry the module detection: every snippet is a module.
    getSourceFile: (name, parseOptions) => {
      if (name === fileName) return (sourceFile ??= ts.createSourceFile(name, code, parseOptions, true, scriptKind));
      if (name === globalsFile) return librarySourceFile(name, globalsText[environment]);
      return isLibrary(name) ? librarySourceFile(name) : undefined;
    },
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    getDefaultLibLocation: () => libraryDirectory,
    writeFile: () => {},
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (name) => name === fileName || name === globalsFile || (isLibrary(name) && ts.sys.fileExists(name)),
    readFile: (name) =>
      name === fileName
        ? code
        : name === globalsFile
          ? globalsText[environment]
          : isLibrary(name)
            ? ts.sys.readFile(name)
            : undefined,
    directoryExists: (name) => name === '/' || name === libraryDirectory,
    getDirectories: () => [],
  };
  const program = ts.createProgram({ rootNames: [globalsFile, fileName], options, host });
  return { program, sourceFile: program.getSourceFile(fileName)!, checker: program.getTypeChecker() };
}
