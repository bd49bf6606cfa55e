import { execFile } from 'node:child_process';
import type { CodeChunk } from './code-chunk.ts';

/** Reads a Python file from stdin and prints its top-level functions and classes as JSON, using Python's own parser. */
const astScript = `
import ast, json, sys
source = sys.stdin.read()
tree = ast.parse(source)
lines = source.splitlines(keepends=True)
out = []
for node in tree.body:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        start = min([node.lineno] + [d.lineno for d in node.decorator_list])
        out.append({
            "name": node.name,
            "kind": "class" if isinstance(node, ast.ClassDef) else "function",
            "line": start,
            "code": "".join(lines[start - 1:node.end_lineno]),
            "documentation": ast.get_docstring(node) or "",
        })
print(json.dumps(out))
`;

export class PythonUnavailableError extends Error {}

/** The top-level functions and classes of a Python file, with decorators and doc strings, parsed by Python itself. */
export function splitPython(text: string, options: { python?: string } = {}): Promise<CodeChunk[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      options.python ?? 'python3',
      ['-c', astScript],
      { maxBuffer: 64 * 1024 * 1024, timeout: 30_000 },
      (error, stdout, stderr) => {
        if (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
            reject(
              new PythonUnavailableError(
                'python3 is not installed, so Python files cannot be split (install python3 to ingest them)',
              ),
            );
          } else {
            reject(new Error(`Python could not parse the file: ${stderr.trim().split('\n').at(-1) ?? error.message}`));
          }
          return;
        }
        const parsed = JSON.parse(stdout) as Omit<CodeChunk, 'language'>[];
        resolve(parsed.map((chunk) => ({ ...chunk, language: 'python' })));
      },
    );
    child.stdin?.end(text);
  });
}
