import { describe, expect, it } from 'vitest';
import { detectLanguage, languageOfTag, usesJsx } from './detect-language.ts';
import { extractCode } from './extract-code.ts';

describe('language detection', () => {
  it('reads fence tags', () => {
    expect(
      ['ts', 'TSX', 'js', 'mjs', 'py', 'python3', 'postgresql', 'bash', 'zsh', 'svelte', 'go'].map(languageOfTag),
    ).toEqual([
      'typescript',
      'typescript',
      'javascript',
      'javascript',
      'python',
      'python',
      'sql',
      'shell',
      'shell',
      'svelte',
      'go',
    ]);
    expect(languageOfTag('')).toBeUndefined();
  });

  it.each([
    ['typescript', `interface User { id: string }\nexport function name(user: User): string {\n  return user.id;\n}`],
    [
      'typescript',
      `const cache = new Map<string, number>();\nexport const get = (key: string) => cache.get(key) as number;`,
    ],
    [
      'javascript',
      `const express = require('express');\nconst app = express();\napp.get('/', (req, res) => res.send('hi'));`,
    ],
    ['javascript', `export function add(a, b) {\n  return a + b;\n}`],
    ['python', `def add(a, b):\n    return a + b`],
    ['python', `from pathlib import Path\nfor path in Path('.').glob('*.py'):\n    print(path)`],
    ['sql', `SELECT id, email\nFROM users\nWHERE created_at > now() - interval '1 day';`],
    ['shell', `#!/usr/bin/env bash\nset -euo pipefail\necho "$HOME"`],
    ['shell', `for file in *.log; do\n  gzip "$file"\ndone`],
    ['svelte', `<script>\n  let count = 0;\n</script>\n{#if count > 1}<p>{count}</p>{/if}`],
  ])('detects %s', (language, code) => {
    expect(detectLanguage(code)).toBe(language);
  });

  it('does not guess on prose', () => {
    expect(detectLanguage('Could you have a look at how we do sessions?')).toBeUndefined();
  });

  it('sees JSX', () => {
    expect(usesJsx('return <div className="a">{name}</div>;')).toBe(true);
    expect(usesJsx('const sorted = sort<number>(items); if (a < b && c > d) {}')).toBe(false);
  });
});

describe('code extraction', () => {
  it('takes the fenced block and its tag', () => {
    const code = extractCode('Please review this:\n\n```ts\nconst a = 1;\nconst b = a + 1;\n```\n\nThanks!');
    expect(code).toEqual({
      code: 'const a = 1;\nconst b = a + 1;',
      language: 'typescript',
      jsx: false,
      origin: 'fence',
      otherBlocks: 0,
    });
  });

  it('takes the longest code block, skips output blocks, and counts the others', () => {
    const message =
      'It fails:\n```text\nTypeError: x is undefined\n  at line 3\n  at line 4\n  at line 5\n```\n```py\nx = 1\n```\n```python\ndef f(x):\n    return x\n```';
    expect(extractCode(message)).toMatchObject({ code: 'def f(x):\n    return x', language: 'python', otherBlocks: 1 });
  });

  it('detects the language of an untagged fence, and accepts ~~~ and an unclosed fence', () => {
    expect(extractCode('~~~\nSELECT * FROM users WHERE id = 1;\n~~~')).toMatchObject({
      language: 'sql',
      origin: 'fence',
    });
    expect(extractCode('review pls\n```\ndef f():\n    pass')).toMatchObject({
      code: 'def f():\n    pass',
      language: 'python',
    });
  });

  it('finds the code lines in a message without a fence', () => {
    const message =
      'Can you review this function for me please?\nasync function getUser(db, id) {\n  const rows = await db.query("SELECT * FROM users WHERE id=" + id);\n\n  return rows[0];\n}\nI think something is off with it.';
    expect(extractCode(message)).toMatchObject({
      code: 'async function getUser(db, id) {\n  const rows = await db.query("SELECT * FROM users WHERE id=" + id);\n\n  return rows[0];\n}',
      language: 'javascript',
      origin: 'message',
    });
  });

  it('finds no code in prose', () => {
    expect(extractCode('Can you review my code? I will paste it in a minute.')).toBeUndefined();
    expect(extractCode('```\n\n```')).toBeUndefined();
  });
});
