import { describe, expect, it } from 'vitest';
import { InMemoryGraphStore } from '../../../knowledge/graph/in-memory-graph-store.ts';
import type { Pattern } from '../../../knowledge/patterns/pattern.ts';
import { graphChange } from '../../../knowledge/patterns/pattern-indexer.ts';
import { agentContext, runAgent } from '../../../tests/support/agent-harness.ts';
import { patternFixture } from '../../../tests/support/pattern-fixture.ts';
import { ScriptedProvider } from '../../../tests/support/scripted-provider.ts';
import { OfflineEngine } from '../../llm/offline-engine.ts';
import { MigrateAgent, type MigrateKnowledge, type MigrateOptions } from './migrate-agent.ts';

const pattern = (id: string, language: string, library: string, title = `Title of ${id}`): Pattern =>
  patternFixture(id, {
    title,
    language,
    tags: ['x'],
    libraries: [{ name: library, version: '>=1' }],
    source: { kind: 'seed', path: `${id}/pattern`, line: 1 },
  });

const stored = [
  pattern('py-retry-with-backoff', 'python', 'python', 'Retry a call with exponential backoff'),
  pattern('py-retry-decorator', 'python', 'python', 'Retry decorator for sync and async functions'),
  pattern('py-timezone-aware-datetimes', 'python', 'python', 'Use timezone-aware datetimes in UTC'),
  pattern('ts-graceful-http-shutdown', 'typescript', 'node', 'Gracefully shut down a Node HTTP server'),
];

async function knowledge(): Promise<MigrateKnowledge> {
  const graph = new InMemoryGraphStore();
  await graph.write(
    graphChange(
      stored.map((item) => ({
        pattern: item,
        supersedes: item.id === 'py-retry-decorator' ? ['py-retry-with-backoff'] : [],
      })),
    ),
  );
  const byId = new Map(stored.map((item) => [item.id, item]));
  return {
    graph,
    patterns: { findByIds: async (ids) => ids.flatMap((id) => byId.get(id) ?? []) },
    retriever: { search: async () => ({ results: [], notices: [] }) },
  };
}

const offline = async (options: MigrateOptions = {}) =>
  new MigrateAgent(new OfflineEngine(), await knowledge(), options);
const packageJson =
  '```json\n{ "engines": { "node": ">=16" }, "dependencies": { "express": "^4.18.2", "@types/express": "^4.17.21" } }\n```';

describe('MigrateAgent with the offline engine', () => {
  it('plans Express 4 to 5 from a pasted package.json: numbered steps with checks, breaking changes with searches', async () => {
    const { text } = await runAgent(await offline(), agentContext(`upgrade to express 5\n${packageJson}`));
    expect(text).toContain('## Migration plan: Express 4 to 5');
    expect(text).toContain('- **From:** express 4.18.2 (from the pasted package.json)');
    expect(text).toContain('- **Requires:** Node.js 18 or newer, but your manifest allows >=16: raise it first.');
    expect(text).toMatch(/### Steps\n\n1\. \*\*Start from a green baseline\.\*\*/);
    expect(text).toContain('**Run the codemod:** `npx @expressjs/codemod upgrade`');
    expect(text).toContain('`@types/express`: move to ^5 together with express.');
    expect(text).not.toContain('express-async-errors`:');
    expect(text).toContain(
      "find_uses() { grep -rnE --include='*.js' --include='*.mjs' --include='*.cjs' --include='*.ts' --exclude-dir=node_modules",
    );
    expect(text).toContain(
      "\n1. `app.del()` is removed. **Do:** Register DELETE routes with `app.delete()`.\n   - Check: `find_uses '\\.del\\('` finds nothing.",
    );
    expect(text).toContain('`req.param(name)` is removed.');
    expect(text).toContain('path-to-regexp 8');
    expect(text).toContain('A rejected promise or an error thrown in an `async` handler');
    expect(text).toContain('https://expressjs.com/en/guide/migrating-5.html');
    expect(text).toContain('- No stored pattern uses `express`.');
  });

  it('plans a Python upgrade with only the changes between the two versions, and what the store says', async () => {
    const { text } = await runAgent(await offline(), agentContext('Python 3.10 → 3.12, what do I need to change?'));
    expect(text).toContain('## Migration plan: Python 3.10 to 3.12');
    expect(text).toContain('`distutils` is removed');
    expect(text).toContain('`@asyncio.coroutine` decorator is removed');
    expect(text).not.toContain('collections.abc'); // removed in 3.10, which the project already runs
    expect(text).toContain('3 stored patterns use `python`');
    expect(text).toContain(
      '**Retry decorator for sync and async functions** (`py-retry-decorator`) supersedes **Retry a call with exponential backoff** (`py-retry-with-backoff`)',
    );
    expect(text).toContain('**Use timezone-aware datetimes in UTC** (`py-timezone-aware-datetimes`)');
  });

  it('reads a manifest the message names, showing the read as a tool call', async () => {
    const reads: string[] = [];
    const agent = await offline({
      readFile: async (path) => (reads.push(path), '{ "dependencies": { "express": "^4.21.0" } }'),
      fileTool: { server: 'filesystem', tool: 'read_text_file' },
    });
    const { events, text } = await runAgent(
      agent,
      agentContext('upgrade express to 5; the manifest is ./package.json'),
    );
    expect(reads).toEqual(['./package.json']);
    expect(events.filter((event) => event.type.startsWith('tool.'))).toEqual([
      {
        type: 'tool.call',
        callId: 't1:read-manifest',
        server: 'filesystem',
        tool: 'read_text_file',
        arguments: { path: './package.json' },
      },
      { type: 'tool.result', callId: 't1:read-manifest', ok: true, summary: 'read ./package.json: 1 dependency' },
    ]);
    expect(text).toContain('- **From:** express 4.21.0 (from ./package.json)');
  });

  it('says so when the named manifest cannot be read, or when there is no reader', async () => {
    const failing = await offline({ readFile: async () => Promise.reject(new Error('ENOENT: no such file')) });
    expect((await runAgent(failing, agentContext('upgrade express from 4 to 5, see ./package.json'))).text).toContain(
      './package.json could not be read (ENOENT: no such file)',
    );
    const without = await offline();
    expect((await runAgent(without, agentContext('upgrade express from 4 to 5, see ./package.json'))).text).toContain(
      'Kiln cannot read files in this setup',
    );
  });

  it('uses a manifest pasted earlier in the conversation', async () => {
    const { text } = await runAgent(
      await offline(),
      agentContext('ok, now upgrade to express 5', { history: [{ role: 'user', content: packageJson }] }),
    );
    expect(text).toContain('express 4.18.2 (from the package.json you pasted earlier)');
  });

  it('keeps Node.js changes to the versions crossed', async () => {
    const { text } = await runAgent(await offline(), agentContext('node 16 to 20'));
    expect(text).toContain('OpenSSL 3');
    expect(text).not.toContain('unhandled promise rejection ends the process');
    expect(text).not.toContain('Import assertions');
  });

  it('gives a general procedure for a migration without curated notes', async () => {
    const { text } = await runAgent(await offline(), agentContext('upgrade fastify from 4 to 5'));
    expect(text).toContain('## Migration plan: fastify 4 to 5');
    expect(text).toContain('Kiln has no curated notes on this migration');
    expect(text).toContain('`npm install fastify@5`');
    const django = (
      await runAgent(await offline(), agentContext('Upgrade our app from Django 3.2 to Django 5.0, what breaks?'))
    ).text;
    expect(django).toContain('## Migration plan: django 3.2 to 5.0');
    expect(django).toContain('`python -m pip install "django==5.0.*"`');
  });

  it('asks what to migrate when the message does not say', async () => {
    const { text } = await runAgent(await offline(), agentContext('can you help me modernise this?'));
    expect(text).toContain('I could not tell what to migrate');
    expect(text).toContain('- Express 4 to 5');
  });
});

describe('MigrateAgent with a model', () => {
  it('grounds the model in the same plan and streams its answer', async () => {
    const provider = new ScriptedProvider({ tokens: ['Plan ', 'ready.'] });
    const { text } = await runAgent(
      new MigrateAgent(provider, await knowledge()),
      agentContext(`upgrade to express 5\n${packageJson}`),
    );
    expect(text).toBe('Plan ready.');
    const request = provider.requests[0]!;
    expect(request.system).toContain("Kiln's plan:");
    expect(request.system).toContain('`app.del()` is removed.');
    expect(request.grounding!.map((item) => item.id)).toEqual(['ts-graceful-http-shutdown']);
  });
});
