import ts from 'typescript';
import type { SyntaxTreeContext, SyntaxTreeRule } from '../review-rule.ts';
import { hasNestedQuantifier } from './nested-quantifier.ts';
import {
  calleeName,
  chainedCalls,
  constInitializer,
  isConstantValue,
  isSanitizingCall,
  skipParentheses,
} from './syntax-tree-helpers.ts';

/** `new RegExp(x)` and `RegExp(x)` (undefined for other nodes). */
function regExpArgument(node: ts.Node): ts.Expression | undefined {
  if (
    (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'RegExp'
  )
    return node.arguments?.[0];
  return undefined;
}

/**
 * Whether a regex source is safe: constant, another regex's `.source`, escaped
 * (an `escape…(…)` call, or `.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')` anywhere
 * in its method chain), or built only of such parts.
 */
function isSafeSource(node: ts.Expression, context: SyntaxTreeContext): boolean {
  const expression = skipParentheses(node);
  if (isConstantValue(expression, context.checker)) return true;
  if (ts.isPropertyAccessExpression(expression) && expression.name.text === 'source') return true;
  if (ts.isTemplateExpression(expression))
    return expression.templateSpans.every((span) => isSafeSource(span.expression, context));
  if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.PlusToken)
    return isSafeSource(expression.left, context) && isSafeSource(expression.right, context);
  const initializer = constInitializer(expression, context.checker);
  if (initializer) return isSafeSource(initializer, context);
  return chainedCalls(expression).some(
    (call) =>
      isSanitizingCall(call, context.sourceFile, /escape/i) ||
      (/^replace(All)?$/.test(calleeName(call) ?? '') &&
        call.arguments[1]?.getText(context.sourceFile).includes('$&') === true),
  );
}

/** A regular expression compiled from a value that is not constant and not escaped. */
export const regexFromInputRule: SyntaxTreeRule = {
  id: 'regex-from-input',
  category: 'security',
  severity: 'warning',
  message:
    'A regular expression is built from a value: characters like `.*+(` in it change the match, and a crafted pattern can hang the process (ReDoS).',
  suggestion:
    'Escape the value first (`value.replace(/[.*+?^${}()|[\\]\\\\]/g, "\\\\$&")`), or match it with `includes`/`startsWith` instead of a regex.',
  patternQuery: 'escape regexp special characters',
  visit(node, context) {
    const source = regExpArgument(node);
    if (source && !isSafeSource(source, context)) context.report(node);
  },
};

/** A regex literal (or constant `RegExp` source) with a repeated group that repeats inside: catastrophic backtracking. */
export const nestedQuantifierRule: SyntaxTreeRule = {
  id: 'nested-quantifier',
  category: 'security',
  severity: 'warning',
  message:
    'A repeated group repeats inside (like `(a+)+`): an input that almost matches makes the regex backtrack exponentially (ReDoS).',
  suggestion:
    'Remove the nesting (`(a+)+` → `a+`, `(\\w+\\s?)*` → `[\\w\\s]*`), or bound the input length before matching.',
  visit(node, context) {
    let pattern: string | undefined;
    if (ts.isRegularExpressionLiteral(node)) pattern = node.text.slice(1, node.text.lastIndexOf('/'));
    else {
      const source = regExpArgument(node);
      if (source && ts.isStringLiteralLike(source)) pattern = source.text;
    }
    if (pattern !== undefined && hasNestedQuantifier(pattern))
      context.report(node, {
        message: `\`${pattern}\` repeats a group that repeats inside: an input that almost matches makes it backtrack exponentially (ReDoS).`,
      });
  },
};
