import ts from 'typescript';
import type { SyntaxTreeRule } from '../review-rule.ts';
import { calleeName, calleeText, enclosingFunction, isInsideTry, skipParentheses } from './syntax-tree-helpers.ts';

/**
 * `catch {}` with nothing in it (not even a comment saying why) whose try is
 * not followed by a `throw`, and `.catch(() => {})` / `.catch(noop)` on a
 * promise whose result is dropped. Left alone: a `.catch` that turns failure
 * into a value the code goes on to use, one marked deliberate with `void`, and
 * cleanup inside a `catch` or `finally` (where the original error matters).
 */
export const swallowedErrorRule: SyntaxTreeRule = {
  id: 'swallowed-error',
  category: 'correctness',
  severity: 'warning',
  message: 'The error is swallowed: when this fails, nothing says so and the code goes on as if it worked.',
  suggestion:
    'Handle it (retry, fall back, tell the user), or log it and rethrow; if ignoring it is right, say why in a comment.',
  visit(node, context) {
    if (ts.isCatchClause(node) && node.block.statements.length === 0) {
      const inside = context.sourceFile.text.slice(
        node.block.getStart(context.sourceFile) + 1,
        node.block.getEnd() - 1,
      );
      if (!/\/\/|\/\*/.test(inside) && !isFollowedByThrow(node.parent)) context.report(node);
    } else if (
      ts.isCallExpression(node) &&
      calleeName(node) === 'catch' &&
      ts.isPropertyAccessExpression(node.expression)
    ) {
      const handler = node.arguments[0];
      if (handler && doesNothing(handler) && isDropped(node) && !isCleanup(node)) {
        context.report(node, {
          message: "The promise's error is swallowed by an empty `.catch`: failures vanish without a trace.",
        });
      }
    }
  },
};

/** Whether a try statement falls through into a `throw` (so an empty catch still ends in an error). */
function isFollowedByThrow(tryStatement: ts.TryStatement): boolean {
  const siblings =
    ts.isBlock(tryStatement.parent) || ts.isSourceFile(tryStatement.parent)
      ? tryStatement.parent.statements
      : undefined;
  const next = siblings?.[siblings.indexOf(tryStatement) + 1];
  return !!next && ts.isThrowStatement(next);
}

/** Whether a call's value is thrown away: a statement of its own, or awaited as one (not `void`, not used). */
function isDropped(call: ts.Expression): boolean {
  const parent = ts.isAwaitExpression(call.parent) ? call.parent.parent : call.parent;
  return ts.isExpressionStatement(parent);
}

/** Whether a node is in a `catch` block or a `finally` block of its function. */
function isCleanup(node: ts.Node): boolean {
  for (let current: ts.Node = node; current.parent && !ts.isFunctionLike(current.parent); current = current.parent) {
    if (
      ts.isCatchClause(current.parent) ||
      (ts.isTryStatement(current.parent) && current.parent.finallyBlock === current)
    )
      return true;
  }
  return false;
}

function doesNothing(handler: ts.Expression): boolean {
  const expression = skipParentheses(handler);
  if (ts.isIdentifier(expression)) return /^(noop|ignore|nothing)$/i.test(expression.text);
  if (!ts.isArrowFunction(expression) && !ts.isFunctionExpression(expression)) return false;
  const body = expression.body;
  if (ts.isBlock(body)) return body.statements.length === 0;
  const value = skipParentheses(body);
  return (
    value.kind === ts.SyntaxKind.NullKeyword ||
    (ts.isIdentifier(value) && value.text === 'undefined') ||
    ts.isVoidExpression(value)
  );
}

const logCall = /^(console|logger|log|this\.logger|this\.log)\.(log|info|warn|error|debug)$/;

/**
 * A catch that only logs, in a function whose `try` returns a value: after the
 * log the function falls through and its caller gets `undefined` as if it were
 * the result.
 */
export const logAndContinueRule: SyntaxTreeRule = {
  id: 'log-and-continue',
  category: 'correctness',
  severity: 'warning',
  message:
    'The error is only logged, then the function returns `undefined`: its caller carries on with a missing result.',
  suggestion:
    'Rethrow after logging (`throw error`, or a typed error with `{ cause: error }`), or return an explicit fallback the caller checks.',
  visit(node, context) {
    if (!ts.isTryStatement(node) || !node.catchClause) return;
    const statements = node.catchClause.block.statements;
    const onlyLogs =
      statements.length > 0 &&
      statements.every(
        (statement) =>
          ts.isExpressionStatement(statement) &&
          ts.isCallExpression(statement.expression) &&
          logCall.test(calleeText(statement.expression, context.sourceFile)),
      );
    if (onlyLogs && returnsValue(node.tryBlock)) context.report(node.catchClause);
  },
};

/** Whether a block returns a value (in its own function). */
function returnsValue(block: ts.Node): boolean {
  let found = false;
  const visit = (node: ts.Node) => {
    if (found || ts.isFunctionLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression) found = true;
    else ts.forEachChild(node, visit);
  };
  ts.forEachChild(block, visit);
  return found;
}

/** Whether `node` runs in a `.then(…)` callback of a promise chain that ends in a `.catch(…)`. */
function isHandledByPromiseChain(node: ts.Node): boolean {
  const callback = enclosingFunction(node);
  let call: ts.Node | undefined = callback?.parent;
  if (!call || !ts.isCallExpression(call) || calleeName(call) !== 'then') return false;
  while (ts.isPropertyAccessExpression(call.parent) && ts.isCallExpression(call.parent.parent)) {
    call = call.parent.parent;
    if (calleeName(call as ts.CallExpression) === 'catch') return true;
  }
  return false;
}

/** `JSON.parse(text)` outside any `try` (or promise chain with a `.catch`): bad input throws a `SyntaxError` out of this code. */
export const jsonParseWithoutTryRule: SyntaxTreeRule = {
  id: 'json-parse-without-try',
  category: 'correctness',
  severity: 'info',
  message: '`JSON.parse` throws on malformed input, and nothing here catches it.',
  suggestion:
    'Wrap it in `try`/`catch` and answer bad input clearly (a 400, a default), and validate the parsed shape (e.g. with zod).',
  patternQuery: 'safe json parse',
  visit(node, context) {
    if (!ts.isCallExpression(node) || calleeText(node, context.sourceFile) !== 'JSON.parse') return;
    const input = node.arguments[0];
    if (input && !ts.isStringLiteralLike(input) && !isInsideTry(node) && !isHandledByPromiseChain(node))
      context.report(node);
  },
};
