import { describe, expect, it } from 'vitest';
import { dissect } from './message-anatomy.ts';

const signalsOf = (message: string) => [...dissect(message).signals].sort();

describe('dissect', () => {
  it('finds stack traces of several runtimes and keeps them out of the prose', () => {
    const node =
      'why does this fail?\nTypeError: x.map is not a function\n    at render (/app/src/list.js:12:9)\n    at main (/app/src/index.js:3:1)';
    expect(signalsOf(node)).toEqual(expect.arrayContaining(['stack-trace', 'error-output', 'question']));
    expect(dissect(node).prose).toBe('why does this fail?');

    const python =
      'Traceback (most recent call last):\n  File "main.py", line 4, in <module>\n    run()\nValueError: bad value';
    expect(signalsOf(python)).toEqual(expect.arrayContaining(['stack-trace', 'error-output', 'no-prose']));

    const java = 'Exception in thread "main" java.lang.IllegalStateException\n\tat com.acme.App.main(App.java:10)';
    expect(signalsOf(java)).toContain('stack-trace');
    const dotnet =
      'it crashes\nSystem.InvalidOperationException: nope\n   at Shop.Cart.Add(Item item) in C:\\src\\Cart.cs:line 12';
    expect(signalsOf(dotnet)).toContain('stack-trace');
    expect(signalsOf(dotnet)).not.toContain('path');
    expect(signalsOf('goroutine 1 [running]:\nmain.main()\n\t/app/main.go:9 +0x1d')).toContain('stack-trace');
  });

  it('separates pasted code from the words around it', () => {
    const message = 'Can you review this?\n```python\ndef add(a, b):\n    return a + b\n```';
    expect(dissect(message).prose).toBe('Can you review this?');
    expect(signalsOf(message)).toContain('code');
    const unfenced =
      'check this please\nconst total = items.reduce((sum, item) => sum + item.price, 0);\nif (total > 10) {\n  discount();\n}';
    expect(dissect(unfenced).prose).toBe('check this please');
    expect(signalsOf(unfenced)).toContain('code');
  });

  it('treats a one-line message as prose, even when it quotes an error', () => {
    const message = 'getting "TypeError: undefined is not a function" on startup';
    expect(dissect(message).prose).toBe(message);
    expect(signalsOf(message)).toContain('error-output');
  });

  it('spots paths, file names, manifests, versions and moves', () => {
    expect(signalsOf('list the files in ~/projects/kiln')).toContain('path');
    expect(signalsOf('read package.json')).toContain('file-name');
    expect(signalsOf('what can you do?')).not.toContain('path');
    const manifest = 'upgrade these\n```json\n{\n  "dependencies": {\n    "react": "^16.14.0"\n  }\n}\n```';
    expect(signalsOf(manifest)).toEqual(expect.arrayContaining(['manifest', 'version', 'code']));
    expect(signalsOf('move from Python 3.8 to Python 3.12')).toEqual(
      expect.arrayContaining(['version', 'two-versions', 'from-to']),
    );
    expect(signalsOf('show the tables in my database')).toContain('own-resource');
    expect(signalsOf('ls ~/code')).toContain('shell-command');
    expect(signalsOf('head over to the docs')).not.toContain('shell-command');
  });
});
