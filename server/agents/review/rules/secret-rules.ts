import ts from 'typescript';
import type { SyntaxTreeRule } from '../review-rule.ts';
import { isPlaceholder, isSecretName, knownCredentialFormat, secretSuggestion } from './secret-names.ts';
import { calleeName, nameOf, nameWords, purposeNames, skipParentheses } from './syntax-tree-helpers.ts';

/** A string literal given to a secret's name (`const apiKey = 'sk…'`), or in a known credential format anywhere. */
export const hardcodedSecretRule: SyntaxTreeRule = {
  id: 'hardcoded-secret',
  category: 'security',
  severity: 'error',
  message: 'A secret is written in the source: anyone who can read the code (or its history) has it.',
  suggestion: secretSuggestion,
  patternQuery: 'parse environment config secrets',
  visit(node, context) {
    if (!ts.isStringLiteralLike(node) || isPlaceholder(node.text)) return;
    if (knownCredentialFormat.test(node.text)) {
      context.report(node, {
        message: 'A credential (its format is a well-known key or token) is written in the source.',
      });
      return;
    }
    const name = assignedName(node);
    if (name && isSecretName(name))
      context.report(node, {
        message: `\`${name}\` is written in the source: anyone who can read the code (or its history) has it.`,
      });
  },
};

/** The name a literal is directly given to: variable, property, assignment target, default parameter. */
function assignedName(literal: ts.StringLiteralLike): string | undefined {
  const parent = literal.parent;
  if (
    (ts.isVariableDeclaration(parent) ||
      ts.isPropertyAssignment(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isParameter(parent)) &&
    parent.initializer === literal
  ) {
    return nameOf(parent);
  }
  if (
    ts.isBinaryExpression(parent) &&
    parent.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    parent.right === literal
  ) {
    const target = skipParentheses(parent.left);
    if (ts.isIdentifier(target)) return target.text;
    if (ts.isPropertyAccessExpression(target)) return target.name.text;
  }
  return undefined;
}

const unpredictableWords = new Set([
  'token',
  'secret',
  'password',
  'passwd',
  'key',
  'salt',
  'nonce',
  'otp',
  'session',
  'cookie',
  'id',
  'ids',
  'uuid',
  'guid',
  'csrf',
  'code',
  'pin',
  'invite',
  'reset',
  'verification',
]);

/** The names a value is given, plus, when it is passed to a call, that call's name and literal arguments (`res.cookie('session', …)`). */
function namesFor(node: ts.Node): string[] {
  const names = purposeNames(node);
  for (let current: ts.Node = node; current.parent && !ts.isStatement(current.parent); current = current.parent) {
    const call = current.parent;
    if (ts.isCallExpression(call) && call.arguments.includes(current as ts.Expression)) {
      names.push(...call.arguments.filter(ts.isStringLiteral).map((argument) => argument.text), calleeName(call) ?? '');
    }
  }
  return names.filter(Boolean);
}

/** `Math.random()` computing something named like a token, id or secret: it is predictable. */
export const insecureRandomRule: SyntaxTreeRule = {
  id: 'insecure-random',
  category: 'security',
  severity: 'warning',
  message: '`Math.random()` is predictable: tokens, ids and secrets made from it can be guessed.',
  suggestion:
    'Use the crypto random source: `crypto.randomUUID()` for ids, `crypto.randomBytes(32).toString("base64url")` (or `crypto.getRandomValues`) for tokens.',
  patternQuery: 'generate random token crypto',
  visit(node, context) {
    if (!ts.isCallExpression(node) || node.expression.getText(context.sourceFile).replace(/\s+/g, '') !== 'Math.random')
      return;
    const purpose = namesFor(node).find((name) => nameWords(name).some((word) => unpredictableWords.has(word)));
    if (purpose)
      context.report(node, { message: `\`Math.random()\` is predictable, so \`${purpose}\` can be guessed.` });
  },
};
