import type { SyntaxTreeRule, TextRule } from './review-rule.ts';
import { swallowedErrorRule, logAndContinueRule, jsonParseWithoutTryRule } from './rules/error-handling-rules.ts';
import { syncFsInHandlerRule } from './rules/handler-rules.ts';
import { brokenHashRule, lowBcryptCostRule, weakPasswordHashRule } from './rules/hashing-rules.ts';
import { codeFromStringRule, timerWithStringRule, unsafeHtmlRule } from './rules/injection-rules.ts';
import { svelteRawHtmlRule } from './rules/markup-rules.ts';
import { awaitInLoopRule, floatingPromiseRule, missingAwaitRule } from './rules/promise-rules.ts';
import {
  pythonBareExceptRule,
  pythonEvalRule,
  pythonExceptPassRule,
  pythonMutableDefaultRule,
  pythonShellRule,
  pythonSqlInjectionRule,
  pythonUnsafeDeserialisationRule,
  pythonWeakHashRule,
} from './rules/python-rules.ts';
import { nestedQuantifierRule, regexFromInputRule } from './rules/regex-rules.ts';
import { hardcodedSecretRule, insecureRandomRule } from './rules/secret-rules.ts';
import { shellCurlPipeRule, shellUnquotedRmRule } from './rules/shell-rules.ts';
import { sqlInjectionRule } from './rules/sql-injection-rule.ts';
import { sqlDynamicConcatenationRule, sqlLeadingWildcardRule, sqlMissingWhereRule } from './rules/sql-rules.ts';
import { consoleLogRule, explicitAnyRule, looseEqualityRule, nonNullAssertionRule } from './rules/style-rules.ts';
import { textSecretRule } from './rules/text-secret-rule.ts';

/** Kiln's rules for TypeScript and JavaScript, run on the compiler's syntax tree with its type checker. */
export const syntaxTreeRules: readonly SyntaxTreeRule[] = [
  sqlInjectionRule,
  codeFromStringRule,
  timerWithStringRule,
  unsafeHtmlRule,
  hardcodedSecretRule,
  insecureRandomRule,
  weakPasswordHashRule,
  brokenHashRule,
  lowBcryptCostRule,
  regexFromInputRule,
  nestedQuantifierRule,
  swallowedErrorRule,
  logAndContinueRule,
  missingAwaitRule,
  floatingPromiseRule,
  looseEqualityRule,
  jsonParseWithoutTryRule,
  syncFsInHandlerRule,
  awaitInLoopRule,
  explicitAnyRule,
  nonNullAssertionRule,
  consoleLogRule,
];

/** Kiln's rules for Python, SQL, shell and Svelte markup, run on the text with comments and strings masked. */
export const textRules: readonly TextRule[] = [
  pythonSqlInjectionRule,
  pythonEvalRule,
  pythonShellRule,
  pythonUnsafeDeserialisationRule,
  pythonWeakHashRule,
  pythonBareExceptRule,
  pythonExceptPassRule,
  pythonMutableDefaultRule,
  textSecretRule,
  sqlDynamicConcatenationRule,
  sqlMissingWhereRule,
  sqlLeadingWildcardRule,
  shellUnquotedRmRule,
  shellCurlPipeRule,
  svelteRawHtmlRule,
];

/** Every rule, by id (for the pattern query of a finding's rule). */
export const rulesById: ReadonlyMap<string, SyntaxTreeRule | TextRule> = new Map(
  [...syntaxTreeRules, ...textRules].map((rule) => [rule.id, rule]),
);
