import ts from 'typescript';
import type { SyntaxTreeRule } from '../review-rule.ts';
import { isPasswordName } from './secret-names.ts';
import { calleeName, identifiersIn, purposeNames } from './syntax-tree-helpers.ts';

const fastHashes = /^(md4|md5|sha-?1|sha-?224|sha-?256|sha-?384|sha-?512|sha3-\d+|ripemd\d*)$/i;
const brokenHashes = /^(md4|md5|sha-?1)$/i;
const hashFunctions = new Set(['md5', 'sha1', 'sha256', 'sha512']);

/** The algorithm of `createHash('md5')` / `crypto.subtle.digest('SHA-256', …)`, or the name of `md5(…)`. */
function hashAlgorithm(node: ts.CallExpression): string | undefined {
  const name = calleeName(node);
  const first = node.arguments[0];
  if ((name === 'createHash' || name === 'digest') && first && ts.isStringLiteralLike(first)) return first.text;
  if (name && hashFunctions.has(name.toLowerCase())) return name;
  return undefined;
}

/** Whether a hash call works on a password: a password-named value in its call chain, or a password-named target or function. */
function hashesPassword(node: ts.CallExpression): boolean {
  let chain: ts.Node = node;
  while (
    ts.isPropertyAccessExpression(chain.parent) ||
    (ts.isCallExpression(chain.parent) && chain.parent.expression === chain)
  )
    chain = chain.parent;
  return [...identifiersIn(chain), ...purposeNames(chain)].some(isPasswordName);
}

/** A fast hash (MD5, SHA-1, SHA-256…) of a password: billions of guesses a second on one GPU. */
export const weakPasswordHashRule: SyntaxTreeRule = {
  id: 'weak-password-hash',
  category: 'security',
  severity: 'error',
  message: 'Passwords are hashed with a fast hash: a leaked table is cracked at billions of guesses a second.',
  suggestion:
    'Use a slow, salted password hash: `crypto.scrypt(password, salt, 64)` with a random 16-byte salt (or argon2/bcrypt with cost ≥ 12), and compare with `crypto.timingSafeEqual`.',
  patternQuery: 'hash password scrypt salt',
  visit(node, context) {
    if (!ts.isCallExpression(node)) return;
    const algorithm = hashAlgorithm(node);
    if (algorithm && fastHashes.test(algorithm) && hashesPassword(node)) {
      context.report(node, {
        message: `Passwords are hashed with ${algorithm.toUpperCase()}, a fast hash: a leaked table is cracked at billions of guesses a second.`,
      });
    }
  },
};

/** Names of values MD5 and SHA-1 are still fine for. */
const nonSecurityPurpose = /etag|cache|checksum|fingerprint|dedupe|bucket|shard/i;

/** MD5 or SHA-1 used for anything else: fine for checksums and cache keys, broken for signatures, tokens and integrity. */
export const brokenHashRule: SyntaxTreeRule = {
  id: 'broken-hash-algorithm',
  category: 'security',
  severity: 'warning',
  message:
    'MD5 and SHA-1 are broken (collisions can be made on purpose): fine for cache keys, not for signatures, tokens or integrity checks.',
  suggestion: "Use SHA-256 (`createHash('sha256')`), or HMAC-SHA-256 when the value authenticates something.",
  visit(node, context) {
    if (!ts.isCallExpression(node)) return;
    const algorithm = hashAlgorithm(node);
    if (!algorithm || !brokenHashes.test(algorithm) || hashesPassword(node)) return;
    if (!purposeNames(node).some((name) => nonSecurityPurpose.test(name))) context.report(node);
  },
};

const bcryptCalls = new Set(['hash', 'hashSync', 'genSalt', 'genSaltSync']);

/** `bcrypt.hash(password, 8)`: below 10 (the libraries' default), each step down halves an attacker's work. */
export const lowBcryptCostRule: SyntaxTreeRule = {
  id: 'low-bcrypt-cost',
  category: 'security',
  severity: 'warning',
  message: 'The bcrypt cost is low: each step down halves the work of cracking a leaked hash.',
  suggestion: 'Use a cost of at least 12: `bcrypt.hash(password, 12)` (about 250 ms per hash on a server).',
  patternQuery: 'hash password scrypt salt',
  visit(node, context) {
    if (!ts.isCallExpression(node) || !bcryptCalls.has(calleeName(node) ?? '')) return;
    const callee = node.expression;
    if (!ts.isPropertyAccessExpression(callee) || !/bcrypt/i.test(callee.expression.getText(context.sourceFile)))
      return;
    const cost = node.arguments[calleeName(node)!.startsWith('genSalt') ? 0 : 1];
    if (cost && ts.isNumericLiteral(cost) && Number(cost.text) < 10) {
      context.report(node, {
        message: `The bcrypt cost is ${cost.text}, below the default of 10: each step down halves the work of cracking a leaked hash.`,
      });
    }
  },
};
