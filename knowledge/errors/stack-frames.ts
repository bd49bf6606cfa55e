import type { StackFrame } from './error-signature.ts';

/** V8 (`    at fn (file:line:col)`, `    at file:line:col`) and Firefox/Safari (`fn@file:line:col`) frame lines. */
const v8Frame = /^\s*at (?:async )?(?:(.+?) \((.+?)\)|(.+?))(?: \{)?\s*$/;
const geckoFrame = /^\s*([^@\s]*)@(.+:\d+(?::\d+)?)\s*$/;

/** A line of a JavaScript stack: V8's `    at …`, or Gecko's `fn@url:line:column`. */
export const isJavaScriptFrameLine = (line: string) => /^\s+at \S/.test(line) || geckoFrame.test(line);

/** The frames of V8 or Gecko stack lines that belong to the user's code, innermost first. */
export function javascriptFrames(lines: string[]): StackFrame[] {
  const frames: StackFrame[] = [];
  for (const line of lines) {
    const v8 = v8Frame.exec(line);
    const gecko = v8 ? undefined : geckoFrame.exec(line);
    if (!v8 && !gecko) continue;
    const name = (v8 ? (v8[1] ?? '') : (gecko![1] ?? '')).replace(/\s*\[as [^\]]+\]$/, '');
    const location = v8 ? (v8[2] ?? v8[3]!) : gecko![2]!;
    const parsed = /^(.*?):(\d+)(?::(\d+))?$/.exec(location);
    if (!parsed) continue;
    const path = parsed[1]!;
    if (isOutsideUserCode(path)) continue;
    frames.push({
      function: name,
      file: baseName(path),
      line: Number(parsed[2]),
      ...(parsed[3] ? { column: Number(parsed[3]) } : {}),
    });
  }
  return frames;
}

/** The frames of a Python traceback (`  File "x.py", line 3, in f`) in the user's code, innermost first. */
export function pythonFrames(lines: string[]): StackFrame[] {
  const frames: StackFrame[] = [];
  for (const line of lines) {
    const match = /^\s*File "(.+?)", line (\d+)(?:, in (.+))?\s*$/.exec(line);
    if (!match || isOutsideUserCode(match[1]!)) continue;
    frames.push({ function: match[3]?.trim() ?? '', file: baseName(match[1]!), line: Number(match[2]) });
  }
  return frames.reverse();
}

/** Dependencies and the runtime's own code: a stack through them says little about where the bug is. */
export function isOutsideUserCode(path: string): boolean {
  return (
    /^(?:node:|internal[/\\]|<anonymous>|native|\[native code\])/.test(path) ||
    /[/\\](?:node_modules|site-packages|dist-packages|\.venv|venv)[/\\]/.test(path) ||
    /[/\\]lib[/\\]python\d(?:\.\d+)?[/\\]/.test(path) ||
    /^<frozen /.test(path)
  );
}

/** `list.ts` from `/app/src/list.ts`, `file:///app/list.ts`, `webpack-internal:///./src/list.tsx?abc`, `C:\app\list.ts`. */
export function baseName(path: string): string {
  const withoutQuery = path.replace(/[?#].*$/, '');
  return withoutQuery.split(/[/\\]/).filter(Boolean).at(-1) ?? withoutQuery;
}

/** `renderList (list.ts:12)`, the way a frame is shown to a user. */
export function describeFrame(frame: StackFrame): string {
  const where = frame.line === undefined ? frame.file : `${frame.file}:${frame.line}`;
  return frame.function ? `${frame.function} (${where})` : where;
}
