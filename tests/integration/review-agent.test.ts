import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TurnEvent, TurnEventOf } from '../../protocol/turn-events.ts';
import { startTestServer, textOf } from '../support/test-server.ts';

let kiln: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  // The server as shipped: the offline engine, the seeded pattern store, the review agent for intent review.
  kiln = await startTestServer();
});
afterAll(async () => {
  await kiln?.stop();
});

function parseSse(body: string): TurnEvent[] {
  return body
    .split('\n\n')
    .filter((frame) => frame.startsWith('id:'))
    .map(
      (frame) =>
        JSON.parse(
          frame
            .split('\n')
            .find((line) => line.startsWith('data: '))!
            .slice('data: '.length),
        ) as TurnEvent,
    );
}

async function review(content: string) {
  const { token } = await kiln.register();
  const conversation = await kiln.newConversation(token);
  const response = await kiln.api('POST', `/conversations/${conversation.id}/messages`, {
    token,
    body: { content, intent: 'review' },
    headers: { accept: 'text/event-stream' },
  });
  expect(response.status).toBe(200);
  const events = parseSse(response.text);
  const findings = events.filter((event): event is TurnEventOf<'review.findings'> => event.type === 'review.findings');
  expect(findings).toHaveLength(1);
  const saved = (await kiln.api('GET', `/conversations/${conversation.id}/messages`, { token })).json.messages.at(-1);
  return { events, review: findings[0]!, text: textOf(events), saved };
}

describe('reviewing code through the chat service (offline engine)', () => {
  it('finds the SQL injection on line 2, cites the parameterised-query pattern, and saves the readable review', async () => {
    const {
      events,
      review: result,
      text,
      saved,
    } = await review(
      'Can you review this?\n\n```ts\nasync function getUser(db, id) {\n  const rows = await db.query("SELECT * FROM users WHERE id=" + id);\n  return rows[0];\n}\n```',
    );
    expect(events.find((event) => event.type === 'intent')).toMatchObject({ intent: 'review', via: 'user' });
    expect(result.language).toBe('typescript');
    const injection = result.findings.find((finding) => finding.category === 'security');
    expect(injection).toMatchObject({
      severity: 'error',
      line: 2,
      rule: 'sql-injection',
      message: expect.stringContaining('SQL injection'),
    });
    expect(injection!.suggestion).toMatch(/parameteri[sz]ed query with placeholders/);
    expect(injection!.suggestion).toContain("db.query('SELECT * FROM users WHERE id=$1', [id])");
    expect(result.summary).toContain("Kiln's static checks");

    const citations = events.find((event) => event.type === 'retrieval');
    expect(citations).toMatchObject({
      citations: expect.arrayContaining([expect.objectContaining({ patternId: 'ts-parameterized-sql-query' })]),
    });

    expect(text).toContain('SQL injection');
    expect(text).toContain('line 2');
    expect(text).toContain('Run parameterized SQL queries with pg');
    expect(events.at(-1)).toMatchObject({ type: 'turn.end', finishReason: 'stop' });
    expect(saved).toMatchObject({ role: 'assistant', status: 'complete', content: text });
  });

  it('reports a TypeScript type error on its line', async () => {
    const { review: result, text } = await review(
      '```typescript\ninterface Order { total: number }\n\nexport function label(order: Order): string {\n  const total: string = order.total;\n  return `Total: ${total}`;\n}\n```',
    );
    expect(result.findings).toEqual([
      expect.objectContaining({
        rule: 'typescript',
        line: 4,
        severity: 'error',
        message: expect.stringContaining("Type 'number' is not assignable to type 'string'"),
      }),
    ]);
    expect(text).toContain('line 4');
  });

  it('asks for the code when the message has none', async () => {
    const { review: result, text } = await review('Please review my authentication code for security problems.');
    expect(result).toMatchObject({ language: 'unknown', findings: [] });
    expect(text).toContain('paste it in a fenced block');
  });
});
