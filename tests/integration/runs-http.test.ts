import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent, RunView } from '../../protocol/runs.ts';
import { parseSse } from '../support/parse-sse.ts';
import { startTestServer } from '../support/test-server.ts';

// Runs through the real API, the real job queue (pg-boss on the embedded Postgres, in-process workers) and the
// real bubblewrap sandbox.
let kiln: Awaited<ReturnType<typeof startTestServer>>;
let token: string;

beforeAll(async () => {
  kiln = await startTestServer({ environment: { KILN_WORKERS: 'in-process' } });
  ({ token } = await kiln.register());
});
afterAll(async () => {
  await kiln?.stop();
});

async function runStreamed(body: object, as = token) {
  const response = await kiln.api('POST', '/runs', { token: as, body, headers: { accept: 'text/event-stream' } });
  expect(response.status, response.text).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const events = parseSse<RunEvent>(response.text);
  expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
  return events;
}

async function finished(runId: string, as = token): Promise<RunView> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { json } = await kiln.api('GET', `/runs/${runId}`, { token: as });
    if (!['queued', 'running'].includes(json.status)) return json as RunView;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${json.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const output = (events: RunEvent[], stream: 'stdout' | 'stderr') =>
  events.map((event) => (event.type === 'sandbox.output' && event.stream === stream ? event.chunk : '')).join('');

describe('runs', () => {
  it('streams a Python run: queued, running, its output, then a passing verdict, and keeps it', async () => {
    const events = await runStreamed({
      language: 'python',
      code: 'import sys\nprint("hello from", sys.version_info[0])',
    });
    expect(events.slice(0, 2).map((event) => event.type === 'run.status' && event.status)).toEqual([
      'queued',
      'running',
    ]);
    expect(output(events, 'stdout')).toBe('hello from 3\n');
    const result = events.at(-1)!;
    expect(result).toMatchObject({ type: 'sandbox.result', exitCode: 0, passed: true, timedOut: false, oom: false });

    const run = await finished(result.runId);
    expect(run).toMatchObject({ status: 'passed', language: 'python', stdout: 'hello from 3\n', stderr: '' });
    expect(run.result).toMatchObject({ exitCode: 0, passed: true, truncated: false });
  });

  it('answers 202 with the run id, then replays its events after Last-Event-ID', async () => {
    const created = await kiln.api('POST', '/runs', {
      token,
      body: { language: 'shell', code: 'echo out; echo err >&2; exit 3' },
    });
    expect(created.status).toBe(202);
    expect(created.headers.get('location')).toBe(`/api/v1/runs/${created.json.runId}`);
    const run = await finished(created.json.runId);
    expect(run).toMatchObject({ status: 'failed', stdout: 'out\n', stderr: 'err\n', result: { exitCode: 3 } });

    const all = parseSse<RunEvent>((await kiln.api('GET', `/runs/${run.id}/events`, { token })).text);
    const after = parseSse<RunEvent>(
      (await kiln.api('GET', `/runs/${run.id}/events`, { token, headers: { 'last-event-id': '2' } })).text,
    );
    expect(after).toEqual(all.slice(2));
    expect(after.at(-1)).toMatchObject({ type: 'sandbox.result', passed: false, exitCode: 3 });
  });

  it('runs TypeScript with vitest-style tests: type errors reported, each failure named', async () => {
    const events = await runStreamed({
      language: 'typescript',
      code: 'export const add = (a: number, b: number): number => a + b;\nexport const wrong: number = "two";\n',
      tests: [
        "import { describe, expect, it } from 'vitest';",
        "import { add } from './code';",
        "describe('add', () => {",
        "  it('adds', () => expect(add(1, 2)).toBe(3));",
        "  it('is wrong on purpose', () => expect(add(1, 1)).toBe(3));",
        '});',
      ].join('\n'),
    });
    const diagnostics = events.find((event) => event.type === 'run.diagnostics');
    expect(diagnostics).toMatchObject({
      diagnostics: [{ kind: 'type', line: 2, source: 'code', blocking: false, code: 2322 }],
    });
    expect(events.at(-1)).toMatchObject({
      type: 'sandbox.result',
      passed: false,
      tests: { passed: 1, failed: 1, failures: [{ name: 'add > is wrong on purpose' }] },
    });
    // The harness's report line never reaches the output.
    expect(output(events, 'stdout')).not.toContain('KILN-TESTS');
  });

  it('says why code that does not parse cannot run, without running it', async () => {
    const events = await runStreamed({ language: 'typescript', code: 'const = ;' });
    expect(events.at(-1)).toMatchObject({ type: 'run.error', code: 'does_not_compile' });
    expect(events.some((event) => event.type === 'sandbox.result')).toBe(false);
    const run = await finished(events[0]!.runId);
    expect(run).toMatchObject({ status: 'error', error: { code: 'does_not_compile' } });
  });

  it('stops a run at its wall clock and says it timed out', async () => {
    const events = await runStreamed({ language: 'javascript', code: 'for (;;) {}', timeoutMs: 1000 });
    expect(events.at(-1)).toMatchObject({ type: 'sandbox.result', passed: false, timedOut: true });
  });

  it('contains a fork bomb: the server answers throughout, and the wall clock ends the run', async () => {
    const bomb = kiln.api('POST', '/runs', {
      token,
      // The bomb's own shell would exit at once (its calls go to the background): it waits, so the wall clock ends it.
      body: { language: 'shell', code: ':(){ :|:& };:; sleep 10', timeoutMs: 2000 },
      headers: { accept: 'text/event-stream' },
    });
    const health: number[] = [];
    for (let probe = 0; probe < 10; probe += 1) {
      health.push((await fetch(`${kiln.url}/health`)).status);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    const events = parseSse<RunEvent>((await bomb).text);
    expect(health).toEqual(Array(10).fill(200));
    expect(events.at(-1)).toMatchObject({ type: 'sandbox.result', passed: false, timedOut: true });
    expect((await fetch(`${kiln.url}/health`)).status).toBe(200);
  });

  it('keeps NUL bytes a program prints from breaking the store', async () => {
    const events = await runStreamed({ language: 'python', code: 'print("a\\0b")' });
    expect(output(events, 'stdout')).toBe('a\uFFFDb\n');
    expect((await finished(events[0]!.runId)).stdout).toBe('a\uFFFDb\n');
  });

  it('runs at most two of one user’s runs at once and completes every one', async () => {
    const { token: busy } = await kiln.register();
    const ids = await Promise.all(
      [1, 2, 3, 4].map(
        async () =>
          (await kiln.api('POST', '/runs', { token: busy, body: { language: 'shell', code: 'sleep 0.4; echo done' } }))
            .json.runId as string,
      ),
    );
    const runs = await Promise.all(ids.map((id) => finished(id, busy)));
    expect(runs.map((run) => run.status)).toEqual(['passed', 'passed', 'passed', 'passed']);
    const spans = (await kiln.server.infrastructure.dataSource.query(
      `SELECT started_at, finished_at FROM runs WHERE id = ANY($1)`,
      [ids],
    )) as { started_at: Date; finished_at: Date }[];
    // At the moment each run started, how many were running (itself included): two at most, and two at some point.
    const runningAtStart = spans.map(
      (span) =>
        spans.filter((other) => other.started_at <= span.started_at && other.finished_at > span.started_at).length,
    );
    expect(Math.max(...runningAtStart)).toBe(2);
  });

  it('hides another user’s run: 404 for the run and its events', async () => {
    const created = await kiln.api('POST', '/runs', { token, body: { language: 'shell', code: 'echo mine' } });
    const { token: other } = await kiln.register();
    expect((await kiln.api('GET', `/runs/${created.json.runId}`, { token: other })).status).toBe(404);
    expect((await kiln.api('GET', `/runs/${created.json.runId}/events`, { token: other })).status).toBe(404);
    expect((await kiln.api('GET', '/runs/not-a-uuid', { token })).status).toBe(404);
    expect((await kiln.api('GET', `/runs/${created.json.runId}`)).status).toBe(401);
  });

  it('refuses bad requests with a clear 400 and stores nothing', async () => {
    const count = async () =>
      Number(
        (
          (await kiln.server.infrastructure.dataSource.query('SELECT count(*) AS count FROM runs')) as {
            count: string;
          }[]
        )[0]!.count,
      );
    const before = await count();
    const cases: [unknown, RegExp][] = [
      [{ language: 'ruby', code: 'puts 1' }, /language/],
      [{ language: 'python', code: '   ' }, /code/],
      [{ language: 'python', code: 'print(1)', timeoutMs: 3_600_000 }, /timeoutMs/],
      [{ language: 'python', code: 'print("\u0000")' }, /NUL/],
      [{ language: 'python', code: 'print(1)', extra: true }, /extra/],
      ['not json', /JSON/],
    ];
    for (const [body, reason] of cases) {
      const response = await kiln.api('POST', '/runs', { token, body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.text).toMatch(reason);
    }
    expect(await count()).toBe(before);
  });
});

describe('runs without a sandbox', () => {
  let closed: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    closed = await startTestServer({ environment: { KILN_WORKERS: 'in-process', SANDBOX: 'off' } });
  });
  afterAll(async () => {
    await closed?.stop();
  });

  it('fails closed: 503 with the reason /ready shows, and nothing runs', async () => {
    const { token: user } = await closed.register();
    const response = await closed.api('POST', '/runs', { token: user, body: { language: 'shell', code: 'echo hi' } });
    expect(response.status).toBe(503);
    expect(response.json.error.message).toContain('SANDBOX=off');
    const ready = (await fetch(`${closed.url}/ready`).then((answer) => answer.json())) as {
      checks: Record<string, unknown>;
    };
    expect(ready.checks.sandbox).toEqual({ ok: false, detail: 'code execution is off (SANDBOX=off)' });
  });
});

describe('runs a stopped process left behind', () => {
  it('are ended with a clear error, and their owner’s waiting runs go on', async () => {
    const { token: owner, user } = await kiln.register();
    const dataSource = kiln.server.infrastructure.dataSource;
    // As a worker killed mid-run leaves it: running since long ago, with a waiting run of the same user behind it.
    const stuck = '00000000-0000-4000-8000-000000000001';
    await dataSource.query(
      `INSERT INTO runs (id, owner_id, language, code, timeout_ms, status, dispatched_at, started_at)
       VALUES ($1, $2, 'shell', 'sleep 1000', 10000, 'running', now() - interval '2 hours', now() - interval '2 hours')`,
      [stuck, user.id],
    );
    await dataSource.query(
      `INSERT INTO run_events (run_id, seq, body) VALUES ($1, 1, '{"type":"run.status","status":"running"}')`,
      [stuck],
    );
    expect(await kiln.server.runs.recoverAbandoned()).toBe(1);
    const run = await finished(stuck, owner);
    expect(run).toMatchObject({ status: 'error', error: { code: 'interrupted' } });
    const events = parseSse<RunEvent>((await kiln.api('GET', `/runs/${stuck}/events`, { token: owner })).text);
    expect(events.at(-1)).toMatchObject({ type: 'run.error', code: 'interrupted', seq: 2 });
    expect(await kiln.server.runs.recoverAbandoned()).toBe(0);
  });
});
