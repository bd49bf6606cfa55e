import ts from 'typescript';

/** `query` for `db.query(…)` and `query(…)`; undefined for computed callees. */
export function calleeName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = skipParentheses(call.expression);
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** The callee as written without spaces, e.g. `console.log`, `this.db.query`. */
export function calleeText(call: ts.CallExpression | ts.NewExpression, sourceFile: ts.SourceFile): string {
  return call.expression.getText(sourceFile).replace(/\s+/g, '');
}

export function skipParentheses(node: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  return node;
}

/** The nearest function around `node` (not counting `node` itself). */
export function enclosingFunction(node: ts.Node): ts.SignatureDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) return current;
  }
  return undefined;
}

export function isAsyncFunction(node: ts.SignatureDeclaration | undefined): boolean {
  return (
    !!node &&
    ts.canHaveModifiers(node) &&
    !!ts.getModifiers(node)?.some((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword)
  );
}

/** Whether `node` sits in the `try` block of a try statement of its own function. */
export function isInsideTry(node: ts.Node): boolean {
  for (let current: ts.Node = node; current.parent; current = current.parent) {
    if (ts.isFunctionLike(current.parent)) return false;
    if (ts.isTryStatement(current.parent) && current.parent.tryBlock === current) return true;
  }
  return false;
}

/**
 * Whether a value is fixed when the code is written: a literal, or (per the
 * checker) a literal type, a number or a boolean. Values that are not may come
 * from a user.
 */
export function isConstantValue(node: ts.Expression, checker: ts.TypeChecker): boolean {
  const expression = skipParentheses(node);
  if (ts.isStringLiteralLike(expression) || ts.isNumericLiteral(expression)) return true;
  const type = checker.getTypeAtLocation(expression);
  const constant = (part: ts.Type) =>
    part.isLiteral() ||
    (part.flags & (ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.Null | ts.TypeFlags.Undefined)) !==
      0;
  return type.isUnion() ? type.types.every(constant) : constant(type);
}

/** Lower-case words of an identifier: `apiKey`, `API_KEY` and `api-key` all give `api`, `key`. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The text of a declaration's or property's name, when it is a plain one. */
export function nameOf(node: ts.Node | undefined): string | undefined {
  if (!node) return undefined;
  const name = (node as { name?: ts.Node }).name;
  if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name))) return name.text;
  return undefined;
}

/**
 * The names that say what a value is for: the variable, property or
 * assignment target it goes into, and the function it is computed in (or the
 * variable that function is assigned to).
 */
export function purposeNames(node: ts.Node): string[] {
  const names: string[] = [];
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
    if (
      ts.isVariableDeclaration(current) ||
      ts.isPropertyAssignment(current) ||
      ts.isPropertyDeclaration(current) ||
      ts.isParameter(current)
    ) {
      const name = nameOf(current);
      if (name) names.push(name);
    } else if (ts.isBinaryExpression(current) && current.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const target = current.left;
      if (ts.isIdentifier(target)) names.push(target.text);
      else if (ts.isPropertyAccessExpression(target)) names.push(target.name.text);
    } else if (ts.isFunctionLike(current)) {
      const name = nameOf(current) ?? nameOf(current.parent);
      if (name) names.push(name);
      break;
    }
  }
  return names;
}

/** A call that makes its argument safe for where it goes, by its callee's name: `DOMPurify.sanitize(x)`, `escapeHtml(x)`. */
export function isSanitizingCall(
  node: ts.Expression,
  sourceFile: ts.SourceFile,
  callee = /saniti[sz]e|escape|purify/i,
): boolean {
  const expression = skipParentheses(node);
  return ts.isCallExpression(expression) && callee.test(calleeText(expression, sourceFile));
}

/** Every identifier under `node`, by text. */
export function identifiersIn(node: ts.Node): string[] {
  const names: string[] = [];
  const visit = (child: ts.Node) => {
    if (ts.isIdentifier(child)) names.push(child.text);
    ts.forEachChild(child, visit);
  };
  visit(node);
  return names;
}

/** The initialiser of the `const` an identifier refers to, when it refers to one. */
export function constInitializer(node: ts.Expression, checker: ts.TypeChecker): ts.Expression | undefined {
  if (!ts.isIdentifier(node)) return undefined;
  const declaration = checker.getSymbolAtLocation(node)?.valueDeclaration;
  const isConst =
    declaration &&
    ts.isVariableDeclaration(declaration) &&
    (ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) !== 0;
  return isConst ? declaration.initializer : undefined;
}

/** The calls of a method chain, outermost first: `a.b().c().d()` gives `d()`, `c()`, `b()`. */
export function chainedCalls(node: ts.Expression): ts.CallExpression[] {
  const calls: ts.CallExpression[] = [];
  let current = skipParentheses(node);
  while (ts.isCallExpression(current)) {
    calls.push(current);
    const callee = current.expression;
    if (!ts.isPropertyAccessExpression(callee)) break;
    current = skipParentheses(callee.expression);
  }
  return calls;
}
