import ts from 'typescript';
import { identifiersIn } from './rules/syntax-tree-helpers.ts';

/**
 * The top-level statements whose types depend on code the snippet does not
 * show: they use an import (every import is unresolved: the snippet is the only
 * file), `require`, a name the compiler could not find, or, transitively, a
 * top-level declaration that does. Their values are typed `any`, and type
 * utilities turn `any` into `unknown` or `{}`, so the compiler's complaints
 * there may be about the missing code rather than the snippet.
 */
export function statementsUsingUnknowns(sourceFile: ts.SourceFile, unknownNames: Iterable<string>): Set<ts.Statement> {
  const unknown = new Set(['require', ...unknownNames]);
  const entries = sourceFile.statements.map((statement) => ({
    statement,
    declared: declaredNames(statement),
    used: new Set(identifiersIn(statement)),
    tainted: false,
  }));
  for (const entry of entries) {
    if (ts.isImportDeclaration(entry.statement) || ts.isImportEqualsDeclaration(entry.statement))
      entry.declared.forEach((name) => unknown.add(name));
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const entry of entries) {
      if (entry.tainted || ![...entry.used].some((name) => unknown.has(name))) continue;
      entry.tainted = changed = true;
      entry.declared.forEach((name) => unknown.add(name));
    }
  }
  return new Set(entries.filter((entry) => entry.tainted).map((entry) => entry.statement));
}

/** The names a top-level statement declares (imports, variables, functions, classes, types). */
function declaredNames(statement: ts.Statement): string[] {
  if (ts.isImportDeclaration(statement)) {
    const clause = statement.importClause;
    if (!clause) return [];
    const bindings = clause.namedBindings;
    const named = bindings
      ? ts.isNamespaceImport(bindings)
        ? [bindings.name.text]
        : bindings.elements.map((element) => element.name.text)
      : [];
    return [...(clause.name ? [clause.name.text] : []), ...named];
  }
  if (ts.isVariableStatement(statement))
    return statement.declarationList.declarations.flatMap((declaration) => identifiersIn(declaration.name));
  const name = (statement as { name?: ts.Node }).name;
  return name && ts.isIdentifier(name) ? [name.text] : [];
}
