import ts from 'typescript';
import type { ReviewFinding } from '../../../protocol/turn-events.ts';
import type { CheckedLanguage } from './checked-language.ts';
import type { RuleDescription, RuleHit, SyntaxTreeRule, TextRule } from './review-rule.ts';
import type { SnippetProgram } from './snippet-program.ts';
import { sourceText } from './source-text.ts';

export interface RuleReport {
  findings: ReviewFinding[];
  /** Rules that threw on this code: skipped, and said so in the summary. */
  failedRules: string[];
}

/** Walks the syntax tree once, offering every node to every rule. */
export function runSyntaxTreeRules(
  rules: readonly SyntaxTreeRule[],
  snippet: SnippetProgram,
  language: 'typescript' | 'javascript',
): RuleReport {
  const { sourceFile, checker } = snippet;
  const hits = new Map<SyntaxTreeRule, RuleHit[]>(rules.map((rule) => [rule, []]));
  const failed = new Set<SyntaxTreeRule>();
  let current: SyntaxTreeRule = rules[0]!;
  const context = {
    sourceFile,
    checker,
    language,
    report: (node: ts.Node, details = {}) =>
      hits
        .get(current)!
        .push({ ...details, line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1 }),
  };
  const visit = (node: ts.Node) => {
    for (const rule of rules) {
      if (failed.has(rule)) continue;
      current = rule;
      try {
        rule.visit(node, context);
      } catch {
        failed.add(rule);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return {
    findings: rules.filter((rule) => !failed.has(rule)).flatMap((rule) => findingsOf(rule, hits.get(rule)!)),
    failedRules: [...failed].map((rule) => rule.id),
  };
}

export function runTextRules(rules: readonly TextRule[], code: string, language: CheckedLanguage): RuleReport {
  const source = sourceText(code, language);
  const findings: ReviewFinding[] = [];
  const failedRules: string[] = [];
  for (const rule of rules.filter((candidate) => (candidate.languages as readonly string[]).includes(language))) {
    try {
      findings.push(...findingsOf(rule, rule.check(source)));
    } catch {
      failedRules.push(rule.id);
    }
  }
  return { findings, failedRules };
}

/** A rule's hits as findings: one per hit and line, or one for all hits when the rule collapses them. */
function findingsOf(rule: RuleDescription, hits: RuleHit[]): ReviewFinding[] {
  const finding = (hit: RuleHit): ReviewFinding => ({
    severity: hit.severity ?? rule.severity,
    line: hit.line,
    category: rule.category,
    message: hit.message ?? rule.message,
    suggestion: hit.suggestion ?? rule.suggestion,
    rule: rule.id,
  });
  const unique = hits.filter(
    (hit, index) => hits.findIndex((other) => other.line === hit.line && other.message === hit.message) === index,
  );
  if (!rule.collapse || unique.length <= 1) return unique.map(finding);
  const lines = [...new Set(unique.map((hit) => hit.line))];
  const first = finding(unique[0]!);
  return [
    {
      ...first,
      message: `${first.message} (${unique.length} times, on line${lines.length === 1 ? '' : 's'} ${lines.join(', ')})`,
    },
  ];
}
