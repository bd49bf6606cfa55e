import ts from 'typescript';
import type { SyntaxTreeContext, SyntaxTreeRule } from '../review-rule.ts';
import { calleeName, calleeText, isConstantValue, isSanitizingCall, skipParentheses } from './syntax-tree-helpers.ts';

const globalObjects = new Set(['window', 'globalThis', 'self', 'global']);

/** `eval(…)`, `window.eval(…)`, `new Function(…)`, `Function(…)`. */
export const codeFromStringRule: SyntaxTreeRule = {
  id: 'code-from-string',
  category: 'security',
  severity: 'error',
  message:
    '`eval` runs a string as code: if any part of it comes from a user, they run their own code in your process.',
  suggestion:
    'Parse data with `JSON.parse`, look actions up in a map of allowed functions, or write the code out instead of building it.',
  visit(node, context) {
    if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return;
    const callee = skipParentheses(node.expression);
    const isEval =
      (ts.isIdentifier(callee) && callee.text === 'eval') ||
      (ts.isPropertyAccessExpression(callee) &&
        callee.name.text === 'eval' &&
        ts.isIdentifier(callee.expression) &&
        globalObjects.has(callee.expression.text));
    if (isEval) context.report(node);
    else if (ts.isIdentifier(callee) && callee.text === 'Function') {
      context.report(node, {
        message:
          '`Function(…)` compiles a string into code, like `eval`: a user who controls any of it runs their own code.',
      });
    }
  },
};

/** `setTimeout('…')` / `setInterval(code)`: a string is compiled like `eval`. */
export const timerWithStringRule: SyntaxTreeRule = {
  id: 'timer-with-string',
  category: 'security',
  severity: 'warning',
  message: 'A string passed to `setTimeout`/`setInterval` is compiled and run like `eval`.',
  suggestion: 'Pass a function: `setTimeout(() => refresh(), 1000)`.',
  visit(node, context) {
    if (!ts.isCallExpression(node) || !['setTimeout', 'setInterval'].includes(calleeName(node) ?? '')) return;
    const first = node.arguments[0];
    if (!first) return;
    const type = context.checker.getTypeAtLocation(first);
    if (ts.isStringLiteralLike(first) || ts.isTemplateExpression(first) || (type.flags & ts.TypeFlags.StringLike) !== 0)
      context.report(node);
  },
};

const htmlProperties = new Set(['innerHTML', 'outerHTML']);

/**
 * HTML from a non-constant value written into the page: `innerHTML`/`outerHTML`
 * assignments, `insertAdjacentHTML`, `document.write`, React's
 * `dangerouslySetInnerHTML`. A sanitising call (`DOMPurify.sanitize(…)`,
 * `escapeHtml(…)`) around the value makes it safe.
 */
export const unsafeHtmlRule: SyntaxTreeRule = {
  id: 'unsafe-html',
  category: 'security',
  severity: 'error',
  message:
    'Cross-site scripting: a non-constant value is rendered as HTML, so markup in it (a `<script>` or `onerror=`) runs in the page.',
  suggestion:
    'Use `textContent` (or plain JSX text) for text; if it must be HTML, sanitise it first, e.g. `DOMPurify.sanitize(html)`.',
  patternQuery: 'escape html to prevent cross-site scripting',
  visit(node, context) {
    if (
      ts.isBinaryExpression(node) &&
      [ts.SyntaxKind.EqualsToken, ts.SyntaxKind.PlusEqualsToken].includes(node.operatorToken.kind)
    ) {
      const target = node.left;
      if (
        ts.isPropertyAccessExpression(target) &&
        htmlProperties.has(target.name.text) &&
        isUnsafe(node.right, context)
      ) {
        context.report(node, {
          message: `Cross-site scripting: a non-constant value is assigned to \`${target.name.text}\`, so markup in it runs in the page.`,
        });
      }
    } else if (ts.isCallExpression(node)) {
      const callee = calleeText(node, context.sourceFile);
      const html =
        calleeName(node) === 'insertAdjacentHTML'
          ? node.arguments[1]
          : /(^|\.)document\.write(ln)?$/.test(callee)
            ? node.arguments[0]
            : undefined;
      if (html && isUnsafe(html, context))
        context.report(node, { message: `Cross-site scripting: \`${callee}\` renders a non-constant value as HTML.` });
    } else if (ts.isJsxAttribute(node) && node.name.getText(context.sourceFile) === 'dangerouslySetInnerHTML') {
      const value = node.initializer && ts.isJsxExpression(node.initializer) ? node.initializer.expression : undefined;
      const html =
        value && ts.isObjectLiteralExpression(value)
          ? value.properties.find((property) => property.name?.getText(context.sourceFile) === '__html')
          : undefined;
      const unsafe = !html || !ts.isPropertyAssignment(html) || isUnsafe(html.initializer, context);
      if (unsafe)
        context.report(node, {
          message: 'Cross-site scripting: `dangerouslySetInnerHTML` renders a value that is not sanitised.',
        });
    }
  },
};

function isUnsafe(value: ts.Expression, context: SyntaxTreeContext): boolean {
  return !isConstantValue(value, context.checker) && !isSanitizingCall(value, context.sourceFile);
}
