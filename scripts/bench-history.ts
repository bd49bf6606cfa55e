// `npm run bench:history`: does a big history slow Kiln down? Two users on one Kiln (its own process, embedded
// services, offline engine): one with 100 conversations and a conversation of 100 messages, one with 10,000
// conversations and a conversation of 10,000 messages, seeded in Postgres. Each measured step is the client's
// time for the HTTP requests the web client makes, the two users' requests alternating so drift on the machine
// falls on both alike:
// - open: the conversation and its first page of messages (the newest), together;
// - scroll back: each of up to five older pages, from the oldest message shown (`before`);
// - list: each of the first five pages of the conversation list (`cursor`).
// Target (issue 18): each step's median for 10,000 at most 1.2 × its median for 100. Exits non-zero when missed.
import os from 'node:os';
import pg from 'pg';
import { startBenchKiln } from './bench/bench-kiln.ts';
import { noQuotas } from './bench/no-quotas.ts';
import { seedConversations } from './bench/seed-conversations.ts';

const sizes = [100, 10_000] as const;
const rounds = Number(process.env.BENCH_ROUNDS ?? 60);
const warmupRounds = 10;

/** One conversation of `count` messages, questions and answers in one branch, newest last; its id. */
async function seedLongConversation(client: pg.Client, ownerId: string, count: number): Promise<string> {
  const [{ conversation }] = (
    await client.query(
      `INSERT INTO conversations (owner_id, title, created_at, updated_at)
       VALUES ($1, 'A very long conversation', now() - interval '60 days', now() + interval '1 day')
       RETURNING id AS conversation`,
      [ownerId],
    )
  ).rows as [{ conversation: string }];
  await client.query(
    `WITH chain AS (
       SELECT i, id, lag(id) OVER (ORDER BY i) AS parent_id
       FROM (SELECT i, gen_random_uuid() AS id FROM generate_series(1, $3) AS i) AS numbered
     )
     INSERT INTO messages (id, conversation_id, owner_id, parent_id, role, content, status, created_at, updated_at)
     SELECT id, $2::uuid, $1::uuid, parent_id,
            CASE WHEN i % 2 = 1 THEN 'user' ELSE 'assistant' END,
            CASE WHEN i % 2 = 1 THEN 'Question ' || i || ': how do I retry a failed request with backoff?'
                 ELSE 'Answer ' || i || E': wrap the call in a loop.\\n\\n\`\`\`ts\\nfor (let attempt = 0; attempt < 5; attempt++) {\\n  try { return await call(); } catch { await sleep(2 ** attempt * 100); }\\n}\\n\`\`\`' END,
            'complete', now() - interval '60 days' + i * interval '1 second', now() - interval '60 days' + i * interval '1 second'
       FROM chain`,
    [ownerId, conversation, count],
  );
  await client.query(
    `UPDATE conversations SET active_leaf_id = (
       SELECT id FROM messages WHERE conversation_id = $1 ORDER BY created_at DESC LIMIT 1
     ) WHERE id = $1`,
    [conversation],
  );
  return conversation;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number) => Math.round(value * 100) / 100;

const kiln = await startBenchKiln('kiln-bench-history', {
  // One user requests in a loop; the request quota has its own tests.
  ...noQuotas,
  LLM_PROVIDER: 'offline',
});
const { url } = kiln;
// Unset when a step throws: the run failed.
let failed: boolean | undefined;
try {
  const client = new pg.Client((await kiln.shared()).postgres);
  await client.connect();
  const users: { size: number; token: string; conversationId: string }[] = [];
  try {
    for (const size of sizes) {
      const response = await fetch(`${url}/api/v1/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `history-${size}@example.com`, password: 'correct horse battery' }),
      });
      const { token, user } = (await response.json()) as { token: string; user: { id: string } };
      const started = performance.now();
      await seedConversations(client, user.id, size);
      const conversationId = await seedLongConversation(client, user.id, size);
      console.log(
        `seeded ${size.toLocaleString('en')} conversations and messages in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      users.push({ size, token, conversationId });
    }
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }

  /** The fields of the API's answers this script reads. */
  interface Page {
    messages: { id: string; content: string }[];
    hasMore: boolean;
    nextCursor: string | null;
  }
  const get = async (token: string, route: string) => {
    const response = await fetch(`${url}/api/v1${route}`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`GET ${route} answered ${response.status}: ${await response.text()}`);
    return response.json() as Promise<Page>;
  };
  /**
   * The three steps for one user, each request timed (a page of 100 messages or conversations has fewer older pages
   * to fetch than one of 10,000, so each page is a sample); also checks the newest page is the newest message.
   */
  const steps = async (user: (typeof users)[number]) => {
    const times: Record<string, number[]> = { open: [], 'scroll back': [], list: [] };
    const timed = async (step: string, route: string) => {
      const started = performance.now();
      const body = await get(user.token, route);
      times[step]!.push(performance.now() - started);
      return body;
    };
    const started = performance.now();
    await get(user.token, `/conversations/${user.conversationId}`);
    let page = await get(user.token, `/conversations/${user.conversationId}/messages`);
    times.open!.push(performance.now() - started);
    if (page.messages.length === 0 || page.messages.at(-1)!.content.indexOf(`Answer ${user.size}:`) !== 0) {
      throw new Error(`the first page of ${user.size} does not end with the newest message`);
    }
    for (let index = 0; index < 5 && page.hasMore; index += 1) {
      page = await timed(
        'scroll back',
        `/conversations/${user.conversationId}/messages?before=${page.messages[0]!.id}`,
      );
    }
    let list = await timed('list', '/conversations');
    for (let index = 0; index < 4 && list.nextCursor; index += 1) {
      list = await timed('list', `/conversations?cursor=${encodeURIComponent(list.nextCursor)}`);
    }
    return times;
  };

  const samples = new Map<number, Record<string, number[]>>(sizes.map((size) => [size, {}]));
  for (let round = 0; round < warmupRounds + rounds; round += 1) {
    for (const user of round % 2 === 0 ? users : [...users].reverse()) {
      const times = await steps(user);
      if (round < warmupRounds) continue;
      const bySize = samples.get(user.size)!;
      for (const [step, ms] of Object.entries(times)) (bySize[step] ??= []).push(...ms);
    }
  }

  console.log(
    `\n${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version} · ${rounds} rounds\n`,
  );
  console.log('| step | 100: median ms | 10,000: median ms | ratio | target ≤ 1.2 |');
  console.log('| --- | --- | --- | --- | --- |');
  let allMet = true;
  for (const step of ['open', 'scroll back', 'list']) {
    const small = median(samples.get(100)![step]!);
    const large = median(samples.get(10_000)![step]!);
    const met = large <= 1.2 * small;
    allMet &&= met;
    console.log(
      `| ${step} | ${round(small)} | ${round(large)} | ${round(large / small)}× | ${met ? 'met' : 'MISSED'} |`,
    );
  }
  failed = !allMet;
} finally {
  await kiln.stop();
}
process.exit(failed === false ? 0 : 1);
