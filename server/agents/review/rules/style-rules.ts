import ts from 'typescript';
import type { SyntaxTreeRule } from '../review-rule.ts';
import { calleeText, skipParentheses } from './syntax-tree-helpers.ts';

const isNullish = (node: ts.Expression) => {
  const expression = skipParentheses(node);
  return (
    expression.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(expression) && expression.text === 'undefined')
  );
};

/** `==` / `!=` (except against `null`, the idiom for "null or undefined"). */
export const looseEqualityRule: SyntaxTreeRule = {
  id: 'loose-equality',
  category: 'correctness',
  severity: 'warning',
  message: '`==` converts types before comparing (`"0" == false`, `"" == 0` are true).',
  suggestion: 'Use `===` (and `!==`), converting explicitly where you mean to compare across types.',
  visit(node, context) {
    if (!ts.isBinaryExpression(node)) return;
    const operator = node.operatorToken.kind;
    if (operator !== ts.SyntaxKind.EqualsEqualsToken && operator !== ts.SyntaxKind.ExclamationEqualsToken) return;
    if (isNullish(node.left) || isNullish(node.right)) return;
    const strict = operator === ts.SyntaxKind.EqualsEqualsToken ? '===' : '!==';
    context.report(node, {
      message: `\`${node.operatorToken.getText(context.sourceFile)}\` converts types before comparing (\`"0" == false\` is true); use \`${strict}\`.`,
    });
  },
};

/** An explicit `any` type: the checker stops checking everything that value touches. */
export const explicitAnyRule: SyntaxTreeRule = {
  id: 'explicit-any',
  category: 'readability',
  severity: 'info',
  message: '`any` switches type checking off for this value and everything it flows into.',
  suggestion: 'Name the real type, or use `unknown` and narrow it (a type guard, or a zod schema for outside data).',
  collapse: true,
  visit(node, context) {
    if (node.kind === ts.SyntaxKind.AnyKeyword && context.language === 'typescript') context.report(node);
  },
};

/** `value!`: tells the checker a value cannot be missing, with no check at run time. */
export const nonNullAssertionRule: SyntaxTreeRule = {
  id: 'non-null-assertion',
  category: 'readability',
  severity: 'info',
  message:
    'A non-null assertion (`!`) silences the null check: if the value is missing after all, it fails later and further away.',
  suggestion: 'Check it (`if (!value) throw new Error("…")`), or use `?.` / `??` with a sensible default.',
  collapse: true,
  visit(node, context) {
    if (ts.isNonNullExpression(node)) context.report(node);
  },
};

const debugOutput = /^console\.(log|debug|trace|dir|table)$/;

/** Debug output left in: `console.log` and friends (`console.error`/`warn` are deliberate). */
export const consoleLogRule: SyntaxTreeRule = {
  id: 'console-log',
  category: 'readability',
  severity: 'info',
  message: '`console.log` left in: debug output is noise in production logs and can leak data.',
  suggestion: "Remove it, or use the application's logger with a level (`logger.debug(…)`).",
  collapse: true,
  visit(node, context) {
    if (ts.isCallExpression(node) && debugOutput.test(calleeText(node, context.sourceFile))) context.report(node);
  },
};
