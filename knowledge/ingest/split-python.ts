import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { CodeChunk } from './code-chunk.ts';

/**
 * Reads one JSON request a line (`{ id, source }`) and answers each with the file's top-level functions and
 * classes (`{ id, chunks }`) or why it could not parse it (`{ id, error }`), using Python's own parser.
 */
const astScript = `
import ast, json, sys
for line in sys.stdin:
    request = json.loads(line)
    try:
        source = request["source"]
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
        answer = {"id": request["id"], "chunks": out}
    except Exception as error:
        answer = {"id": request["id"], "error": type(error).__name__ + ": " + str(error)}
    sys.stdout.write(json.dumps(answer) + "\\n")
    sys.stdout.flush()
`;

export class PythonUnavailableError extends Error {}

const unavailable = () =>
  new PythonUnavailableError(
    'python3 is not installed, so Python files cannot be split (install python3 to ingest them)',
  );

/**
 * Splits Python files with one `python3` process for all of them (a process a file cost about 70 ms each, most
 * of an ingest of Python code). Started on first use; `close` ends it. A file Python cannot parse fails alone.
 */
export class PythonSplitter {
  private child: ChildProcessWithoutNullStreams | undefined;
  private readonly pending = new Map<
    number,
    { resolve: (chunks: CodeChunk[]) => void; reject: (error: Error) => void }
  >();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(private readonly python = 'python3') {}

  split(text: string): Promise<CodeChunk[]> {
    if (this.failure) return Promise.reject(this.failure);
    const child = (this.child ??= this.start());
    const id = (this.nextId += 1);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      child.stdin.write(`${JSON.stringify({ id, source: text })}\n`);
    });
  }

  /** Ends the Python process (waiting requests fail). */
  close(): void {
    this.child?.stdin.end();
    this.child = undefined;
  }

  private start(): ChildProcessWithoutNullStreams {
    const child = spawn(this.python, ['-c', astScript], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = `${stderr}${String(chunk)}`.slice(-2_000)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const answer = JSON.parse(line) as { id: number; chunks?: Omit<CodeChunk, 'language'>[]; error?: string };
      const waiting = this.pending.get(answer.id);
      this.pending.delete(answer.id);
      if (answer.error) waiting?.reject(new Error(`Python could not parse the file: ${answer.error}`));
      else waiting?.resolve((answer.chunks ?? []).map((chunk) => ({ ...chunk, language: 'python' })));
    });
    // Without python3 every later file fails the same way; a process that died is started again for the next file.
    const failAll = (error: Error, lasting: boolean) => {
      if (lasting) this.failure = error;
      if (this.child === child) this.child = undefined;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    child.on('error', (error: NodeJS.ErrnoException) =>
      failAll(
        error.code === 'ENOENT' ? unavailable() : new Error(`Python could not be started: ${error.message}`),
        error.code === 'ENOENT',
      ),
    );
    child.on('exit', (code) =>
      failAll(new Error(`Python stopped (exit ${code}): ${stderr.trim().split('\n').at(-1) ?? 'no message'}`), false),
    );
    child.stdin.on('error', () => undefined);
    return child;
  }
}

/** The top-level functions and classes of one Python file, with decorators and doc strings, parsed by Python itself. */
export async function splitPython(text: string, options: { python?: string } = {}): Promise<CodeChunk[]> {
  const splitter = new PythonSplitter(options.python);
  try {
    return await splitter.split(text);
  } finally {
    splitter.close();
  }
}
