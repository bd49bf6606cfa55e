import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TurnEvent, TurnEventOf } from '../../protocol/turn-events.ts';
import { startTestServer, textOf } from '../support/test-server.ts';

// The debug and migrate agents through the real chat service (HTTP + SSE), on the offline engine, with
// the seed corpus loaded into the real pattern store (Postgres, its graph tables, Chroma).
let kiln: Awaited<ReturnType<typeof startTestServer>>;
let token: string;

beforeAll(async () => {
  kiln = await startTestServer();
  ({ token } = await kiln.register());
});
afterAll(async () => {
  await kiln?.stop();
});

async function ask(content: string, intent: 'debug' | 'migrate') {
  const conversation = await kiln.newConversation(token);
  const response = await kiln.api('POST', `/conversations/${conversation.id}/messages`, {
    token,
    body: { content, intent },
    headers: { accept: 'text/event-stream' },
  });
  expect(response.status).toBe(200);
  const events = response.text
    .split('\n\n')
    .filter((frame) => frame.startsWith('id:'))
    .map((frame) => JSON.parse(frame.slice(frame.indexOf('data: ') + 'data: '.length).split('\n')[0]!) as TurnEvent);
  expect(events.find((event) => event.type === 'intent')).toMatchObject({ intent, via: 'user' });
  expect(events.at(-1)).toMatchObject({ type: 'turn.end', finishReason: 'stop' });
  const retrieval = events.find((event): event is TurnEventOf<'retrieval'> => event.type === 'retrieval');
  return { text: textOf(events), citations: retrieval?.citations ?? [], conversationId: conversation.id };
}

describe('the debug agent', () => {
  it('diagnoses a pasted V8 stack trace: its signature, where it was thrown, the cause, and the pattern filed as its fix', async () => {
    const { text, citations, conversationId } = await ask(
      `My product list page crashes on load:
\`\`\`
TypeError: Cannot read properties of undefined (reading 'map')
    at renderList (/app/src/list.ts:12:20)
    at ProductPage (/app/src/product-page.tsx:31:10)
    at renderWithHooks (/app/node_modules/react-dom/cjs/react-dom.development.js:16305:18)
\`\`\``,
      'debug',
    );
    expect(citations[0]).toMatchObject({ patternId: 'ts-guard-data-before-use', sources: { graph: 1 } });
    expect(text).toContain('- **Type:** `TypeError`, JavaScript');
    expect(text).toContain("- **Signature:** `TypeError: Cannot read properties of undefined (reading '<name>')`");
    expect(text).toContain(
      '- **Thrown at:** `renderList (list.ts:12)`, called from `ProductPage (product-page.tsx:31)`',
    );
    expect(text).toContain('(it asked for `.map`)');
    expect(text).toContain('The data is not loaded yet');
    expect(text).toContain('## A pattern that fixes it: Guard against undefined data before mapping');
    expect(text).toContain('export function arrayAt(payload: unknown, path: string): unknown[]');
    expect(text).toContain('Source: seed · knowledge/corpus/typescript/guard-data-before-use/pattern.ts:1');
    // The answer is stored as the assistant message, complete.
    await expect
      .poll(async () =>
        (await kiln.api('GET', `/conversations/${conversationId}/messages`, { token })).json.messages.at(-1),
      )
      .toMatchObject({ role: 'assistant', content: text, status: 'complete' });
  });

  it('diagnoses a Python traceback with other values than the stored fix, and cites that fix', async () => {
    const { text, citations } = await ask(
      `Traceback (most recent call last):
  File "/srv/app/main.py", line 9, in <module>
    main()
  File "/srv/app/config.py", line 4, in load_config
    return json.loads(handle.read())
  File "/usr/lib/python3.11/json/__init__.py", line 346, in loads
    return _default_decoder.decode(s)
json.decoder.JSONDecodeError: Expecting value: line 3 column 9 (char 41)`,
      'debug',
    );
    expect(citations[0]).toMatchObject({ patternId: 'py-safe-json-load', sources: { graph: 1 } });
    expect(text).toContain('- **Type:** `json.decoder.JSONDecodeError`, Python');
    expect(text).toContain(
      '- **Signature:** `json.decoder.JSONDecodeError: Expecting value: line <n> column <n> (char <n>)`',
    );
    expect(text).toContain('- **Thrown at:** `load_config (config.py:4)`, called from `<module> (main.py:9)`');
    expect(text).toContain('Text that is not JSON (or is empty) was parsed as JSON.');
    expect(text).toMatch(/## A pattern that fixes it: .+\n/);
  });

  it('asks for the error when the message has none', async () => {
    const { text } = await ask('my app is broken since yesterday', 'debug');
    expect(text).toContain('I could not find an error message or a stack trace');
  });
});

describe('the migrate agent', () => {
  it('plans Express 4 to 5 from a pasted package.json, naming the real breaking changes with checks', async () => {
    const { text } = await ask(
      `Can you upgrade us to express 5?
\`\`\`json
{
  "name": "shop-api",
  "engines": { "node": ">=18" },
  "dependencies": { "express": "^4.18.2", "pg": "^8.11.3" },
  "devDependencies": { "@types/express": "^4.17.21" }
}
\`\`\``,
      'migrate',
    );
    expect(text).toContain('## Migration plan: Express 4 to 5');
    expect(text).toContain('- **From:** express 4.18.2 (from the pasted package.json)');
    expect(text).toMatch(/### Steps\n\n1\. \*\*Start from a green baseline\.\*\*.*\n {3}- Check: /);
    expect(text).toContain('`npx @expressjs/codemod upgrade`');
    expect(text).toContain('`@types/express`: move to ^5 together with express.');
    expect(text).toContain(
      "1. `app.del()` is removed. **Do:** Register DELETE routes with `app.delete()`.\n   - Check: `find_uses '\\.del\\('` finds nothing.",
    );
    expect(text).toContain('`req.param(name)` is removed.');
    expect(text).toContain('Route path syntax follows path-to-regexp 8: a wildcard must be named (`/*splat`');
    expect(text).toContain(
      'A rejected promise or an error thrown in an `async` handler or middleware is passed to the error-handling middleware',
    );
    expect(text).toContain('find_uses() { grep -rnE');
    expect(text).toContain('- No stored pattern uses `express`.');
  });

  it("plans a Python upgrade from pyproject.toml with the store's affected and superseding patterns", async () => {
    const { text, citations } = await ask(
      `We need to go from Python 3.8 to 3.12.
\`\`\`toml
[project]
name = "reports"
requires-python = ">=3.8"
dependencies = ["requests>=2.28"]
\`\`\``,
      'migrate',
    );
    expect(text).toContain('## Migration plan: Python 3.8 to 3.12');
    expect(text).toContain('`collections.abc`');
    expect(text).toContain('`distutils` is removed (PEP 632).');
    expect(text).toMatch(/- \d+ stored patterns use `python`/);
    expect(text).toContain(
      '**Retry decorator for sync and async functions** (`py-retry-decorator`) supersedes **Retry a call with exponential backoff** (`py-retry-with-backoff`)',
    );
    expect(citations.map((citation) => citation.patternId)).toContain('py-timezone-aware-datetimes');
  });

  it('plans Pydantic 2 from a pasted requirements.txt', async () => {
    const { text } = await ask('Upgrade pydantic to v2\n```\nfastapi==0.99.1\npydantic==1.10.13\n```', 'migrate');
    expect(text).toContain('- **From:** pydantic 1.10.13 (from the pasted requirements.txt)');
    expect(text).toContain('`.dict()` → `.model_dump()`');
    expect(text).toContain('`fastapi`: FastAPI supports Pydantic 2 from 0.100.0.');
  });
});
