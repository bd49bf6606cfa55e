import ts from 'typescript';
import type { ReviewFinding } from '../../../protocol/turn-events.ts';
import type { SnippetProgram } from './snippet-program.ts';
import { statementsUsingUnknowns } from './unknown-dependencies.ts';

export interface CompilerReport {
  findings: ReviewFinding[];
  /** Diagnostics about names and modules the snippet does not show, or in code whose types depend on them (left out of `findings`). */
  leftOut: number;
  /** Whether type checking was skipped because the code does not parse. */
  syntaxErrors: boolean;
}

/**
 * Names and modules defined outside the snippet: Node's and test runners'
 * globals, imported packages. A snippet cannot show them, so these diagnostics
 * are counted, not reported. A "did you mean …?" hint (2552) is kept: it is
 * usually a typo.
 */
const unresolvedCodes = new Set([
  2304,
  2503,
  2580,
  2581,
  2582,
  2583,
  2584,
  2591,
  2592,
  2593,
  2867,
  2868, // cannot find name / namespace
  2307,
  2688,
  2732,
  2792,
  7016, // cannot find module or its types
  2602,
  2874,
  2875,
  7026, // JSX without React's types
]);

/** Diagnostics of code that runs but is suspicious: warnings, not errors. */
const warningCodes = new Set([2552, 6133, 7027, 7028, 7029, 7030]);

/**
 * Diagnostics that hold whatever the types of code not shown: typos, assigning
 * a constant, unreachable code, `await` outside `async`, redeclarations, use
 * before declaration, comparisons that can never be true, calling a
 * non-function. Other diagnostics are trusted only where no unknown type flows in.
 */
const independentCodes = new Set([2300, 2311, 2349, 2367, 2448, 2451, 2454, 2552, 2588, 2662, 2663, 7027, 7028]);
const isIndependent = (code: number) => code < 2000 || independentCodes.has(code);

/**
 * The compiler's diagnostics as findings, on the snippet's own lines. A syntax
 * error is an error, and when there is one the type check is skipped (its
 * diagnostics on a half-parsed file mislead). Diagnostics that may come from
 * the code not shown are counted in `leftOut` instead of reported; in
 * JavaScript, which declares no types, only the type-independent ones count.
 */
export function compilerFindings(
  { program, sourceFile }: SnippetProgram,
  language: 'typescript' | 'javascript',
): CompilerReport {
  const syntactic = program.getSyntacticDiagnostics(sourceFile);
  if (syntactic.length > 0) {
    // The parser's later complaints mostly follow from its first one: report that, and count the rest.
    const first = toFinding(syntactic[0]!, sourceFile, 'error');
    const more = syntactic.length - 1;
    const message = more
      ? `${first.message} (${more} more syntax error${more === 1 ? '' : 's'} after it, probably caused by this one)`
      : first.message;
    return { findings: [{ ...first, message }], leftOut: 0, syntaxErrors: true };
  }
  const diagnostics = program.getSemanticDiagnostics(sourceFile);
  const unresolved = diagnostics.filter((diagnostic) => unresolvedCodes.has(diagnostic.code));
  const unknownNames = unresolved.map((diagnostic) =>
    sourceFile.text.slice(diagnostic.start, (diagnostic.start ?? 0) + (diagnostic.length ?? 0)),
  );
  const dependent = statementsUsingUnknowns(sourceFile, unknownNames);
  const inDependentCode = (diagnostic: ts.Diagnostic) =>
    [...dependent].some((statement) => statement.pos <= diagnostic.start! && diagnostic.start! < statement.end);
  let leftOut = unresolved.length;
  const findings: ReviewFinding[] = [];
  for (const diagnostic of diagnostics) {
    if (unresolvedCodes.has(diagnostic.code)) continue;
    if (!isIndependent(diagnostic.code) && (language === 'javascript' || inDependentCode(diagnostic))) {
      leftOut += 1;
      continue;
    }
    findings.push(toFinding(diagnostic, sourceFile, warningCodes.has(diagnostic.code) ? 'warning' : 'error'));
  }
  return { findings, leftOut, syntaxErrors: false };
}

function toFinding(
  diagnostic: ts.Diagnostic,
  sourceFile: ts.SourceFile,
  severity: ReviewFinding['severity'],
): ReviewFinding {
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  return {
    severity,
    line: sourceFile.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1,
    category: 'correctness',
    message: `TS${diagnostic.code}: ${text}`,
    suggestion: suggestionFor(diagnostic.code, text),
    rule: 'typescript',
  };
}

/** A concrete next step for the diagnostics people meet most; the compiler's message says the rest. */
function suggestionFor(code: number, text: string): string {
  const meant = /Did you mean (?:to use )?'([^']+)'\?/.exec(text)?.[1];
  if (meant) return `Did you mean \`${meant}\`? Fix the name.`;
  switch (code) {
    case 2322:
    case 2345:
    case 2741:
      return 'Make the value match the declared type, or change the declaration if the value is what you meant.';
    case 2339:
      return 'Check the property name for a typo, or declare the property on the type.';
    case 2531:
    case 2532:
    case 2533:
    case 18047:
    case 18048:
    case 18049:
      return 'Handle the missing value first: a guard (`if (!value) …`), optional chaining (`?.`) or a default (`??`).';
    case 2554:
    case 2555:
      return 'Pass the arguments the function declares.';
    case 2367:
      return 'The types never overlap, so this comparison is always the same: compare values of the same type (convert one side first).';
    case 2588:
      return 'Declare it with `let` if it has to change, or assign a new variable.';
    case 2349:
      return 'Only call values that are functions: check what this expression holds.';
    case 7027:
      return 'Remove the unreachable code, or fix the `return`/`throw` before it.';
    case 7030:
      return 'Return a value (or throw) on every path through the function.';
    case 1308:
    case 2311:
      return 'Mark the enclosing function `async`, or use `.then()` instead of `await`.';
    default:
      if (code < 2000)
        return 'Fix the syntax here (look for a missing bracket, parenthesis, comma or quote on this line or just before it).';
      return 'Fix the type error: the code does not do what its types say, and may fail at run time.';
  }
}
