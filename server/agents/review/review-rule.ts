import type ts from 'typescript';
import type { ReviewFinding } from '../../../protocol/turn-events.ts';
import type { CheckedLanguage } from './checked-language.ts';
import type { SourceText } from './source-text.ts';

/** What every rule states about itself; a hit may refine the message, suggestion or severity. */
export interface RuleDescription {
  /** Stable and kebab-case; shown to the user as the finding's `rule`. */
  id: string;
  category: ReviewFinding['category'];
  severity: ReviewFinding['severity'];
  message: string;
  suggestion: string;
  /** Words to search the pattern store with for a pattern that shows the fix. */
  patternQuery?: string;
  /** Report all hits as one finding at the first line: habits (`any`, `console.log`) that would flood a review. */
  collapse?: boolean;
}

export type RuleHit = Partial<Pick<ReviewFinding, 'message' | 'suggestion' | 'severity'>> & { line: number };

export interface SyntaxTreeContext {
  sourceFile: ts.SourceFile;
  checker: ts.TypeChecker;
  language: 'typescript' | 'javascript';
  /** Records a hit at the line where `node` starts. */
  report(node: ts.Node, details?: Omit<RuleHit, 'line'>): void;
}

/** A TypeScript/JavaScript rule: called for every node of the snippet's syntax tree, in document order. */
export interface SyntaxTreeRule extends RuleDescription {
  visit(node: ts.Node, context: SyntaxTreeContext): void;
}

/** A rule for the other languages: reads the source text, with comments (and, per language, strings) masked. */
export interface TextRule extends RuleDescription {
  languages: readonly Exclude<CheckedLanguage, 'typescript' | 'javascript'>[];
  check(source: SourceText): RuleHit[];
}
