import ts from 'typescript';
import type { SyntaxTreeContext, SyntaxTreeRule } from '../review-rule.ts';
import {
  calleeText,
  enclosingFunction,
  identifiersIn,
  isAsyncFunction,
  skipParentheses,
} from './syntax-tree-helpers.ts';

/** Whether the checker types a value as a promise (or a union holding one): it has a callable `then`. */
function isPromiseLike(type: ts.Type, checker: ts.TypeChecker, at: ts.Node): boolean {
  if (type.isUnion()) return type.types.some((part) => isPromiseLike(part, checker, at));
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return false;
  const then = type.getProperty('then');
  return !!then && checker.getTypeOfSymbolAtLocation(then, at).getCallSignatures().length > 0;
}

/**
 * A statement that is just a call returning a promise, with nothing to handle
 * its rejection: not awaited, not returned, no `.catch(…)` or two-argument
 * `.then(…)`, not marked deliberate with `void`.
 */
function unhandledPromiseCall(node: ts.Node, context: SyntaxTreeContext): ts.CallExpression | undefined {
  if (!ts.isExpressionStatement(node)) return undefined;
  const expression = skipParentheses(node.expression);
  if (!ts.isCallExpression(expression) || handlesRejection(expression)) return undefined;
  return isPromiseLike(context.checker.getTypeAtLocation(expression), context.checker, expression)
    ? expression
    : undefined;
}

/** Whether a call chain handles rejection somewhere: `.catch(…)`, or `.then(onFulfilled, onRejected)`, before any `.finally(…)`. */
function handlesRejection(call: ts.CallExpression): boolean {
  for (
    let current: ts.Expression = call;
    ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression);
    current = current.expression.expression
  ) {
    const name = current.expression.name.text;
    if (name === 'catch' || (name === 'then' && current.arguments.length >= 2)) return true;
  }
  return false;
}

/** In an async function, a promise-returning call whose result is dropped: the function goes on before it finishes. */
export const missingAwaitRule: SyntaxTreeRule = {
  id: 'missing-await',
  category: 'correctness',
  severity: 'warning',
  message:
    'This call returns a promise that is not awaited: the function goes on before it finishes, and its errors are lost.',
  suggestion:
    'Add `await` (or return the promise); write `void call()` if running it in the background is deliberate, with a `.catch`.',
  visit(node, context) {
    const call = unhandledPromiseCall(node, context);
    if (call && isAsyncFunction(enclosingFunction(node))) {
      context.report(node, {
        message: `\`${call.expression.getText(context.sourceFile)}(…)\` returns a promise that is not awaited: the function goes on before it finishes, and its errors are lost.`,
      });
    }
  },
};

/** Outside async functions, a promise-returning call whose result is dropped: a rejection becomes an unhandled rejection. */
export const floatingPromiseRule: SyntaxTreeRule = {
  id: 'floating-promise',
  category: 'correctness',
  severity: 'warning',
  message: 'A promise is left floating: if it rejects, the error is unhandled (Node exits on unhandled rejections).',
  suggestion: 'Handle it: `call().catch((error) => …)`, or make the caller `async` and `await` it.',
  visit(node, context) {
    const call = unhandledPromiseCall(node, context);
    if (call && !isAsyncFunction(enclosingFunction(node))) {
      context.report(node, {
        message: `\`${call.expression.getText(context.sourceFile)}(…)\` returns a promise nothing handles: if it rejects, the error is unhandled.`,
      });
    }
  },
};

/** Receivers that take one request at a time: awaiting their calls in turn is required, not slow. */
const oneAtATime =
  /transaction|session|\btx\b|trx|connection|\bconn\b|client|lock|stream|writer|reader|cursor|socket|page|browser/i;

/**
 * `for (const item of items) { await work(item) }`: each call waits for the
 * one before though they do not depend on each other (the one awaited call
 * uses the loop variable). Left alone as ordered on purpose: loops with more
 * than one `await`, loops that exit early (`break`, `return`, `throw`) or
 * carry a value from one iteration to the next (`cursor = …` on a variable
 * from outside the loop), and calls on a transaction, session, connection or
 * stream, which take one request at a time.
 */
export const awaitInLoopRule: SyntaxTreeRule = {
  id: 'await-in-loop',
  category: 'performance',
  severity: 'info',
  message: 'Each iteration awaits before the next starts: independent calls run one after another.',
  suggestion:
    'Run them together: `await Promise.all(items.map((item) => work(item)))`, or with a concurrency limit if the service needs one.',
  patternQuery: 'map with concurrency limit promise all',
  visit(node, context) {
    if (!ts.isForOfStatement(node) && !ts.isForInStatement(node)) return;
    if (ts.isForOfStatement(node) && node.awaitModifier) return;
    const loopNames = new Set(
      ts.isVariableDeclarationList(node.initializer)
        ? node.initializer.declarations.flatMap((declaration) => identifiersIn(declaration.name))
        : [],
    );
    const declaredInside = new Set(loopNames);
    const awaits: ts.AwaitExpression[] = [];
    let sequential = false;
    const visit = (child: ts.Node) => {
      if (ts.isFunctionLike(child)) return;
      if (ts.isVariableDeclaration(child)) identifiersIn(child.name).forEach((name) => declaredInside.add(name));
      if (ts.isBreakStatement(child) || ts.isReturnStatement(child) || ts.isThrowStatement(child)) sequential = true;
      const carried =
        ts.isBinaryExpression(child) &&
        child.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isIdentifier(child.left) &&
        !declaredInside.has(child.left.text);
      if (carried) sequential = true;
      if (ts.isAwaitExpression(child)) awaits.push(child);
      ts.forEachChild(child, visit);
    };
    visit(node.statement);
    const [only] = awaits;
    if (
      sequential ||
      awaits.length !== 1 ||
      !only ||
      !identifiersIn(only.expression).some((name) => loopNames.has(name))
    )
      return;
    const awaited = skipParentheses(only.expression);
    const receiver = ts.isCallExpression(awaited)
      ? calleeText(awaited, context.sourceFile).split('.').slice(0, -1).join('.')
      : '';
    if (!oneAtATime.test(receiver)) context.report(only);
  },
};
