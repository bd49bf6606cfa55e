import ts from 'typescript';
import type { SyntaxTreeContext, SyntaxTreeRule } from '../review-rule.ts';
import { calleeName, calleeText, isConstantValue, isSanitizingCall, skipParentheses } from './syntax-tree-helpers.ts';

/** Methods that run SQL in the common drivers (pg, mysql2, sqlite, better-sqlite3, knex, Prisma, Sequelize, TypeORM). */
const queryMethods = new Set([
  'query',
  'execute',
  'exec',
  'raw',
  'run',
  'all',
  'get',
  'each',
  'prepare',
  'unsafe',
  '$queryRawUnsafe',
  '$executeRawUnsafe',
]);
const sqlWords = /\b(select|insert\s+into|update|delete\s+from|where|values|order\s+by|group\s+by|having|limit|set)\b/i;

/** SQL text with values spliced in, where it is built: literal text, constant expressions (a table name), values. */
interface DynamicSql {
  node: ts.Node;
  parts: ({ text: string } | { constant: string } | { value: ts.Expression })[];
}

/**
 * SQL built by `+` or template interpolation and run by a query method, directly
 * or through a variable. Values the checker knows are constant (literals,
 * numbers) and SQL fragments the code builds from constants are not
 * injectable; tagged templates (sql`…`) are the libraries' own
 * parameterisation and are left alone.
 */
export const sqlInjectionRule: SyntaxTreeRule = {
  id: 'sql-injection',
  category: 'security',
  severity: 'error',
  message: 'SQL injection: a value is spliced into the SQL text.',
  suggestion:
    'Use a parameterised query: constant SQL with placeholders ($1, or ? for MySQL/SQLite) and the values passed separately.',
  patternQuery: 'parameterized SQL query placeholders SQL injection',
  visit(node, context) {
    if (!ts.isCallExpression(node) || !queryMethods.has(calleeName(node) ?? '')) return;
    const argument = node.arguments[0];
    if (!argument) return;
    const runner = calleeText(node, context.sourceFile);
    for (const sql of sqlBuiltBy(argument, context)) {
      const values = sql.parts.flatMap((part) => ('value' in part ? [part.value.getText(context.sourceFile)] : []));
      const through = sql.node === argument ? '' : ` (it runs in \`${runner}\` on line ${lineOf(node, context)})`;
      context.report(sql.node, {
        message: `SQL injection: ${values.map((value) => `\`${abbreviate(value)}\``).join(', ')} ${values.length === 1 ? 'is' : 'are'} spliced into the SQL text${through}; a value like \`1 OR 1=1\` rewrites the query.`,
        suggestion: `Use a parameterised query with placeholders: \`${runner}(${parameterisedText(sql)}, [${values.join(', ')}])\` (placeholders are \`?\` in MySQL and SQLite).`,
      });
    }
  },
};

function sqlBuiltBy(argument: ts.Expression, context: SyntaxTreeContext): DynamicSql[] {
  const expression = skipParentheses(argument);
  if (!ts.isIdentifier(expression)) {
    const direct = dynamicSql(expression, context);
    return direct ? [direct] : [];
  }
  // A variable: every value it is given (initialiser, `=`, `+=`) that splices values into SQL.
  const symbol = context.checker.getSymbolAtLocation(expression);
  return symbol ? valuesAssigned(symbol, context).flatMap((value) => dynamicSql(value, context) ?? []) : [];
}

/** Every value a variable is given in the snippet: its initialiser and the right side of each `=` and `+=`. */
function valuesAssigned(symbol: ts.Symbol, context: SyntaxTreeContext): ts.Expression[] {
  const values: ts.Expression[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && node.initializer && context.checker.getSymbolAtLocation(node.name) === symbol)
      values.push(node.initializer);
    else if (
      ts.isBinaryExpression(node) &&
      (node.operatorToken.kind === ts.SyntaxKind.EqualsToken ||
        node.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken) &&
      context.checker.getSymbolAtLocation(node.left) === symbol
    ) {
      values.push(node.right);
    }
    ts.forEachChild(node, visit);
  };
  visit(context.sourceFile);
  return values;
}

/** Every argument pushed into an array variable (`clauses.push(…)`), plus its initialiser's elements; undefined if it is given anything else. */
function elementsPushed(symbol: ts.Symbol, context: SyntaxTreeContext): ts.Expression[] | undefined {
  const initializers = valuesAssigned(symbol, context);
  if (initializers.length !== 1 || !ts.isArrayLiteralExpression(initializers[0]!)) return undefined;
  const elements = [...initializers[0].elements];
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      context.checker.getSymbolAtLocation(node.expression.expression) === symbol
    ) {
      if (['push', 'unshift'].includes(node.expression.name.text)) elements.push(...node.arguments);
    }
    ts.forEachChild(node, visit);
  };
  visit(context.sourceFile);
  return elements;
}

/**
 * Whether a value is SQL the code wrote itself rather than data: constants,
 * and strings, templates, conditionals, joined arrays and variables built only
 * from them (`where += ' AND id < $2'`, `clauses.join(' AND ')`), or a name
 * filtered through an allowlist (`name.replace(/[^a-z0-9_]/g, '')`).
 */
function isWrittenByCode(node: ts.Expression, context: SyntaxTreeContext, seen = new Set<ts.Symbol>()): boolean {
  const expression = skipParentheses(node);
  const written = (part: ts.Expression) => isWrittenByCode(part, context, seen);
  if (isConstantValue(expression, context.checker)) return true;
  if (ts.isTemplateExpression(expression)) return expression.templateSpans.every((span) => written(span.expression));
  if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.PlusToken)
    return written(expression.left) && written(expression.right);
  if (ts.isConditionalExpression(expression)) return written(expression.whenTrue) && written(expression.whenFalse);
  if (ts.isCallExpression(expression) && ts.isPropertyAccessExpression(expression.expression)) {
    const method = expression.expression.name.text;
    const receiver = skipParentheses(expression.expression.expression);
    const pattern = expression.arguments[0];
    if (
      /^replace(All)?$/.test(method) &&
      pattern &&
      ts.isRegularExpressionLiteral(pattern) &&
      pattern.text.startsWith('/[^')
    )
      return true;
    if (method === 'join' && ts.isArrayLiteralExpression(receiver)) return receiver.elements.every(written);
    const symbol =
      method === 'join' && ts.isIdentifier(receiver) ? context.checker.getSymbolAtLocation(receiver) : undefined;
    return !!symbol && followed(symbol, seen, () => elementsPushed(symbol, context)?.every(written) ?? false);
  }
  if (!ts.isIdentifier(expression)) return false;
  const symbol = context.checker.getSymbolAtLocation(expression);
  return (
    !!symbol &&
    followed(symbol, seen, () => {
      const values = valuesAssigned(symbol, context);
      return values.length > 0 && values.every(written);
    })
  );
}

/** Judges a variable once per path: met again inside its own values (`sql = sql + …`), it adds nothing, and its other values decide. */
function followed(symbol: ts.Symbol, seen: Set<ts.Symbol>, judge: () => boolean): boolean {
  if (seen.has(symbol)) return true;
  seen.add(symbol);
  try {
    return judge();
  } finally {
    seen.delete(symbol);
  }
}

function dynamicSql(node: ts.Expression, context: SyntaxTreeContext): DynamicSql | undefined {
  const parts = partsOf(skipParentheses(node), context);
  if (!parts) return undefined;
  const text = parts.map((part) => ('text' in part ? part.text : ' ')).join('');
  const spliced = parts.some((part) => 'value' in part);
  return spliced && sqlWords.test(text) ? { node, parts } : undefined;
}

/** The pieces of a string built with `+` and templates: constant text, and the values that are not constant. */
function partsOf(node: ts.Expression, context: SyntaxTreeContext): DynamicSql['parts'] | undefined {
  if (ts.isStringLiteralLike(node)) return [{ text: node.text }];
  if (ts.isTemplateExpression(node)) {
    const parts: DynamicSql['parts'] = [{ text: node.head.text }];
    for (const span of node.templateSpans)
      parts.push(...valuePart(span.expression, context), { text: span.literal.text });
    return parts;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = partsOf(skipParentheses(node.left), context) ?? valuePart(node.left, context);
    const right = partsOf(skipParentheses(node.right), context) ?? valuePart(node.right, context);
    return [...left, ...right];
  }
  return undefined;
}

function valuePart(node: ts.Expression, context: SyntaxTreeContext): DynamicSql['parts'] {
  if (ts.isNumericLiteral(node)) return [{ text: node.text }];
  const safe = isWrittenByCode(node, context) || isSanitizingCall(node, context.sourceFile, /escape/i);
  return safe ? [{ constant: node.getText(context.sourceFile) }] : [{ value: node }];
}

/** The SQL as a parameterised literal: `$n` for each value (without the quotes around it), constants kept as `${…}`. */
function parameterisedText(sql: DynamicSql): string {
  let count = 0;
  const text = sql.parts
    .map((part) => ('text' in part ? part.text : 'constant' in part ? `\${${part.constant}}` : `$${(count += 1)}`))
    .join('')
    .replace(/'(\$\d+)'/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return sql.parts.some((part) => 'constant' in part) ? `\`${text}\`` : `'${text.replace(/'/g, "\\'")}'`;
}

const lineOf = (node: ts.Node, context: SyntaxTreeContext) =>
  context.sourceFile.getLineAndCharacterOfPosition(node.getStart(context.sourceFile)).line + 1;
const abbreviate = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);
