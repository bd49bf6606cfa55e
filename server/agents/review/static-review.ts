import type { ReviewFinding } from '../../../protocol/turn-events.ts';
import { compilerFindings } from './compiler-findings.ts';
import type { ReviewedCode } from './extract-code.ts';
import type { CheckedLanguage } from './checked-language.ts';
import { syntaxTreeRules, textRules } from './rule-registry.ts';
import { runSyntaxTreeRules, runTextRules } from './run-rules.ts';
import { compileSnippet, type SnippetKind, type SnippetProgram } from './snippet-program.ts';

export interface StaticReview {
  findings: ReviewFinding[];
  /** What ran, for the summary: "the TypeScript compiler and 22 rules"; undefined when no check applies to the language. */
  checks: string | undefined;
  /** Things the reader should know about how the code was checked. */
  notes: string[];
}

const checkedLanguages: readonly string[] = [
  'typescript',
  'javascript',
  'python',
  'sql',
  'shell',
  'svelte',
] satisfies CheckedLanguage[];
const severityRank = { error: 0, warning: 1, info: 2 } as const;
const categoryRank = { security: 0, correctness: 1, performance: 2, readability: 3 } as const;

/** Most important first: by severity, then security before correctness before performance before readability, then line. */
function byImportance(a: ReviewFinding, b: ReviewFinding): number {
  return (
    severityRank[a.severity] - severityRank[b.severity] ||
    categoryRank[a.category] - categoryRank[b.category] ||
    a.line - b.line
  );
}

/** Kiln's static checks on one piece of code: the compiler for TypeScript/JavaScript, then the rules for its language. */
export function staticReview(code: ReviewedCode): StaticReview {
  if (code.language === 'unknown') {
    return {
      findings: [],
      checks: undefined,
      notes: [
        'Kiln could not tell the language of the code: name it on the fence (```ts, ```python, ```sql, ```bash) and ask again.',
      ],
    };
  }
  if (!checkedLanguages.includes(code.language)) {
    return { findings: [], checks: undefined, notes: [`Kiln has no static checks for ${code.language} yet.`] };
  }
  if (code.language !== 'typescript' && code.language !== 'javascript') {
    const rules = textRules.filter((rule) => (rule.languages as readonly string[]).includes(code.language));
    const report = runTextRules(rules, code.code, code.language as CheckedLanguage);
    return {
      findings: report.findings.sort(byImportance),
      checks: `${rules.length} rules for ${code.language}`,
      notes: failedNote(report.failedRules),
    };
  }
  const language = code.language;
  const notes: string[] = [];
  const { snippet, asClassMembers } = compile(code.code, language, code.jsx);
  if (asClassMembers) notes.push('The code looks like class members, so it was checked inside a class.');
  const compiled = compilerFindings(snippet, language);
  if (compiled.syntaxErrors)
    notes.push('The code does not parse, so the type check was skipped: fix the syntax errors first.');
  if (compiled.leftOut > 0) {
    notes.push(
      `Imports and names from code not shown are treated as unknown: ${compiled.leftOut} compiler message${compiled.leftOut === 1 ? '' : 's'} about them, or about code whose types depend on them, ${compiled.leftOut === 1 ? 'was' : 'were'} left out.`,
    );
  }
  const rules = runSyntaxTreeRules(syntaxTreeRules, snippet, language);
  return {
    findings: [...compiled.findings, ...rules.findings].sort(byImportance),
    checks: `the TypeScript compiler and ${syntaxTreeRules.length} rules`,
    notes: [...notes, ...failedNote(rules.failedRules)],
  };
}

/**
 * Compiles the code as it looks (JSX or not); if it does not parse, tries the
 * other way (HTML in a string can look like JSX), then as the body of a class
 * (methods pasted out of one). The class opens on line 1, so line numbers stay
 * the snippet's own. With no clean parse, the first attempt is reported.
 */
function compile(
  code: string,
  language: 'typescript' | 'javascript',
  jsx: boolean,
): { snippet: SnippetProgram; asClassMembers: boolean } {
  const plain: SnippetKind = language === 'typescript' ? 'ts' : 'js';
  const withJsx: SnippetKind = language === 'typescript' ? 'tsx' : 'jsx';
  const kinds = jsx ? [withJsx, plain] : [plain, withJsx];
  const attempts = [
    ...kinds.map((kind) => ({ kind, asClassMembers: false })),
    ...kinds.map((kind) => ({ kind, asClassMembers: true })),
  ];
  let first: SnippetProgram | undefined;
  for (const attempt of attempts) {
    const snippet = compileSnippet(attempt.asClassMembers ? `class KilnSnippet { ${code}\n}` : code, attempt.kind);
    first ??= snippet;
    if (snippet.program.getSyntacticDiagnostics(snippet.sourceFile).length === 0)
      return { snippet, asClassMembers: attempt.asClassMembers };
  }
  return { snippet: first!, asClassMembers: false };
}

function failedNote(failedRules: string[]): string[] {
  return failedRules.length ? [`These checks failed on this code and were skipped: ${failedRules.join(', ')}.`] : [];
}
