import type pg from 'pg';

// Conversations as a real history has them, seeded in Postgres directly (benchmarks of exports and of big
// histories): titled questions, Markdown answers with code, usage and citations on each turn, a second branch in
// every fifth conversation.

const titles = [
  'Debounce a search input in TypeScript',
  'Read a large CSV file line by line in Node',
  'Retry a failed fetch with exponential backoff',
  'Why does my Postgres query ignore the index?',
  'Sort a list of dicts by a key in Python',
  'Cancel a promise after a timeout',
  'Unit test an async function with Vitest',
  'Migrate a callback API to async/await',
];
const questions = [
  'How do I do this without blocking the event loop? (case {n})',
  'Can you show a version with proper error handling? I tried the obvious thing and case {n} still fails.',
  'What about edge cases, like an empty input or a very large one?',
  'Could you write a test for it?',
];

/** An answer of about 1.5 KB of Markdown: prose, a fenced code block, a list. `{n}` becomes the conversation number. */
function answer(topic: string, code: string) {
  return [
    `Here is a way to handle ${topic} that stays readable and is easy to test (request {n}).`,
    '',
    'The idea is to keep the side effect at the edge and make the core a small pure function, so you can call it',
    'from a handler, a job or a test without any setup. The function below takes everything it needs as arguments:',
    '',
    '```ts',
    code,
    '```',
    '',
    'A few things worth knowing:',
    '',
    `- **Errors**: the function rethrows what it cannot handle, with the original error as \`cause\`, so the caller's`,
    '  logs still show where it started.',
    '- **Time**: the clock and the delay are parameters, which keeps tests fast and deterministic.',
    '- **Limits**: it never holds more than one item in memory at a time, whatever the size of the input.',
    '',
    'To check that it does what you expect, call it with a fake clock and a small input first, then with an input',
    'large enough to notice a leak (a few hundred thousand items). Watch the memory of the process while it runs: it',
    'should stay flat. If it climbs, something upstream is collecting results instead of passing them on.',
    '',
    'If you want, I can also show how to wire it into your existing code, or how to measure it under load.',
  ].join('\n');
}
const answers = [
  answer(
    'debouncing',
    [
      'export function debounce<A extends unknown[]>(run: (...args: A) => void, waitMs: number) {',
      '  let timer: ReturnType<typeof setTimeout> | undefined;',
      '  return (...args: A) => {',
      '    if (timer !== undefined) clearTimeout(timer);',
      '    timer = setTimeout(() => run(...args), waitMs);',
      '  };',
      '}',
    ].join('\n'),
  ),
  answer(
    'retries with backoff',
    [
      'export async function retry<T>(work: () => Promise<T>, attempts = 5, delay = sleep): Promise<T> {',
      '  for (let attempt = 1; ; attempt += 1) {',
      '    try {',
      '      return await work();',
      '    } catch (error) {',
      '      if (attempt >= attempts) throw new Error(`gave up after ${attempts} attempts`, { cause: error });',
      '      await delay(2 ** attempt * 100 + Math.random() * 100);',
      '    }',
      '  }',
      '}',
    ].join('\n'),
  ),
  answer(
    'reading a file line by line',
    [
      "import { createReadStream } from 'node:fs';",
      "import { createInterface } from 'node:readline';",
      '',
      'export async function* lines(path: string) {',
      "  const input = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });",
      '  for await (const line of input) yield line;',
      '}',
    ].join('\n'),
  ),
];

/** 2 or 3 citations, as the retrieval step stores them on the turn. */
function details(citations: number) {
  return JSON.stringify({
    citations: Array.from({ length: citations }, (_, index) => ({
      patternId: `7c9e6679-7425-40de-944b-${String(index + 1).padStart(12, '0')}`,
      title: `${titles[index]!} (pattern)`,
      language: 'typescript',
      score: 0.031 - index * 0.004,
      relevance: 0.86 - index * 0.1,
      sources: { vector: index + 1, text: index + 2 },
      path: `src/utilities/${['debounce', 'retry', 'lines'][index]}.ts`,
    })),
    retrievalNotice: null,
    toolCalls: [],
    review: null,
    session: null,
  });
}

/**
 * `count` conversations for `ownerId`, in three set-based statements. Ids are md5 of (owner, conversation, message)
 * numbers, so each statement can name the rows another writes. Messages 1-6 alternate user/assistant; in every
 * 5th conversation, 7 (a second question to answer 4) and 8 (its answer) form another branch, the active one.
 */
export async function seedConversations(client: pg.Client, ownerId: string, count: number) {
  // An md5 with the version (4) and variant (8) digits of a random UUID, so the API takes it as a UUID.
  const id = (conversation: string, message?: string) =>
    `overlay(overlay(md5($1::text || ':' || ${conversation}${message ? ` || ':' || ${message}` : ''}) placing '4' from 13 for 1) placing '8' from 17 for 1)::uuid`;
  const created = `now() - interval '30 days' + i * interval '1 minute'`;
  const messageNumbers = `generate_series(1, $2) AS i CROSS JOIN generate_series(1, 8) AS k WHERE (k <= 6 OR i % 5 = 0)`;
  await client.query('BEGIN');
  await client.query(
    `INSERT INTO conversations (id, owner_id, title, created_at, updated_at)
     SELECT ${id('i')}, $1::uuid, ($3::text[])[1 + i % cardinality($3::text[])] || ' (' || i || ')',
            ${created}, ${created} + interval '8 seconds'
       FROM generate_series(1, $2) AS i`,
    [ownerId, count, titles],
  );
  await client.query(
    `INSERT INTO messages (id, conversation_id, owner_id, parent_id, role, content, status, usage, created_at, updated_at)
     SELECT ${id('i', 'k')}, ${id('i')}, $1::uuid,
            CASE WHEN k > 1 THEN ${id('i', 'CASE WHEN k = 7 THEN 4 ELSE k - 1 END')} END,
            CASE WHEN k % 2 = 1 THEN 'user' ELSE 'assistant' END,
            replace(CASE WHEN k % 2 = 1 THEN ($3::text[])[1 + (i + k) % cardinality($3::text[])]
                         ELSE ($4::text[])[1 + (i + k) % cardinality($4::text[])] END, '{n}', i::text),
            'complete',
            CASE WHEN k % 2 = 0 THEN jsonb_build_object('inputTokens', 900 + 40 * k, 'outputTokens', 380 + i % 50,
                                                        'costUsd', 0) END,
            ${created} + k * interval '1 second', ${created} + k * interval '1 second'
       FROM ${messageNumbers}`,
    [ownerId, count, questions, answers],
  );
  await client.query(
    `INSERT INTO turns (id, conversation_id, owner_id, user_message_id, assistant_message_id, status, intent, engine,
                        usage, latency, details, runner, started_at, ended_at)
     SELECT ${id('i', "k || ':turn'")}, ${id('i')}, $1::uuid, ${id('i', 'k - 1')}, ${id('i', 'k')}, 'complete',
            jsonb_build_object('intent', (ARRAY['ask', 'generate', 'debug', 'review'])[1 + (i + k) % 4],
                               'confidence', 0.82, 'via', 'rule', 'reason', 'matched a how-to question'),
            '{"provider": "offline", "model": "kiln-offline"}'::jsonb,
            jsonb_build_object('inputTokens', 900 + 40 * k, 'outputTokens', 380 + i % 50, 'costUsd', 0),
            jsonb_build_object('firstTokenMs', 150 + i % 90, 'totalMs', 2400 + i % 900),
            ($3::text[])[1 + i % 2]::jsonb, 'bench',
            ${created} + (k - 1) * interval '1 second', ${created} + k * interval '1 second'
       FROM ${messageNumbers} AND k % 2 = 0`,
    [ownerId, count, [details(2), details(3)]],
  );
  await client.query(
    `UPDATE conversations SET active_leaf_id = ${id('i', 'CASE WHEN i % 5 = 0 THEN 8 ELSE 6 END')}
       FROM generate_series(1, $2) AS i WHERE conversations.id = ${id('i')}`,
    [ownerId, count],
  );
  await client.query('COMMIT');
  return { conversations: count, messages: count * 6 + Math.floor(count / 5) * 2 };
}
