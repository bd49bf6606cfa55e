import ts from 'typescript';
import type { CodeChunk } from './code-chunk.ts';

/** Longer classes are split into their methods, so a chunk stays readable as an answer. */
const maxClassLines = 150;

/**
 * The top-level functions and classes of a TypeScript or JavaScript file
 * (including `const name = (…) => …` and exported function expressions),
 * found with the TypeScript compiler's own parser, each with its JSDoc.
 */
export function splitTypeScript(fileName: string, text: string, language: 'typescript' | 'javascript'): CodeChunk[] {
  const kind = fileName.endsWith('x')
    ? language === 'typescript'
      ? ts.ScriptKind.TSX
      : ts.ScriptKind.JSX
    : language === 'typescript'
      ? ts.ScriptKind.TS
      : ts.ScriptKind.JS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const chunks: CodeChunk[] = [];
  const chunkOf = (node: ts.Node, name: string, chunkKind: CodeChunk['kind']): CodeChunk => {
    const start = node.getStart(source, true);
    return {
      name,
      kind: chunkKind,
      language,
      line: source.getLineAndCharacterOfPosition(start).line + 1,
      code: text.slice(start, node.getEnd()),
      documentation: documentationOf(node),
    };
  };

  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name && statement.body) {
      chunks.push(chunkOf(statement, statement.name.text, 'function'));
    } else if (ts.isClassDeclaration(statement) && statement.name) {
      const chunk = chunkOf(statement, statement.name.text, 'class');
      if (chunk.code.split('\n').length <= maxClassLines) {
        chunks.push(chunk);
        continue;
      }
      for (const member of statement.members) {
        if ((ts.isMethodDeclaration(member) || ts.isConstructorDeclaration(member)) && member.body) {
          const memberName = ts.isConstructorDeclaration(member) ? 'constructor' : member.name.getText(source);
          chunks.push({ ...chunkOf(member, `${statement.name.text}.${memberName}`, 'function') });
        }
      }
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const initializer = declaration.initializer;
        if (
          ts.isIdentifier(declaration.name) &&
          initializer &&
          (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer))
        ) {
          chunks.push({ ...chunkOf(statement, declaration.name.text, 'function') });
        }
      }
    }
  }
  return chunks;
}

/** Tags whose text says what the code does (many libraries write their whole description in `@summary`). */
const describingTags = new Set(['summary', 'description', 'desc', 'remarks', 'returns', 'return', 'param', 'throws']);

function documentationOf(node: ts.Node): string {
  return ts
    .getJSDocCommentsAndTags(node)
    .flatMap((comment) =>
      ts.isJSDoc(comment)
        ? [
            ts.getTextOfJSDocComment(comment.comment) ?? '',
            ...(comment.tags ?? [])
              .filter((tag) => describingTags.has(tag.tagName.text))
              .map((tag) => ts.getTextOfJSDocComment(tag.comment) ?? ''),
          ]
        : [],
    )
    .map((text) => text.trim())
    .filter(Boolean)
    .join(' ')
    .trim();
}
