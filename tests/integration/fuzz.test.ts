import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpCase, mcpCase, type HttpCase } from '../support/fuzz-http-cases.ts';
import {
  runRawWebSocketCase,
  runSocketIoCase,
  sendHttpCase,
  type Finding,
  type Resolve,
} from '../support/fuzz-runners.ts';
import { rawFrame, socketIoCase, type RawFrame, type SocketIoCase } from '../support/fuzz-socket-cases.ts';
import { hostileStrings, SeededRandom } from '../support/fuzz-values.ts';
import { ScriptedProvider } from '../support/scripted-provider.ts';
import { startTestServer, turnEnded } from '../support/test-server.ts';

/**
 * Thousands of malformed requests, Socket.IO events and raw WebSocket frames against a real Kiln, generated from
 * one seed. Any 5xx, an `internal_error` ack or frame, a hang, a dropped connection, an error logged by the
 * server, or a server that stops answering fails the test with the seed and the exact request.
 *
 * The seed is fixed, so `npm test` sends the same cases every time; KILN_FUZZ_SEED=<n> replays another run, and
 * KILN_FUZZ_SEED=random explores (the seed is printed). KILN_FUZZ_CASES and KILN_FUZZ_SECONDS bound it.
 */
const seed =
  (process.env.KILN_FUZZ_SEED === 'random'
    ? Math.floor(Math.random() * 2 ** 32)
    : Number(process.env.KILN_FUZZ_SEED ?? 20_261_205)) >>> 0;
const caseCount = Number(process.env.KILN_FUZZ_CASES ?? 3_000);
const budgetMs = Number(process.env.KILN_FUZZ_SECONDS ?? 60) * 1000;
const concurrency = 8;

type FuzzCase =
  | { kind: 'http'; request: HttpCase }
  | { kind: 'socket.io'; emit: SocketIoCase }
  | { kind: 'raw-websocket'; frames: RawFrame[]; authorization?: string };

/** Header values are ASCII without control characters (fetch and ws refuse the others before sending). */
const printableAscii = (text: string) => [...text].filter((character) => character >= ' ' && character <= '~').join('');

function generateCases(random: SeededRandom): FuzzCase[] {
  return Array.from({ length: caseCount }, (): FuzzCase => {
    const roll = random.next();
    if (roll < 0.68) return { kind: 'http', request: httpCase(random) };
    if (roll < 0.78) return { kind: 'http', request: mcpCase(random) };
    if (roll < 0.9) return { kind: 'socket.io', emit: socketIoCase(random) };
    const frames = Array.from({ length: random.integer(1, 6) }, () => rawFrame(random));
    const authorization = random.pick([undefined, 'Bearer {token}', `Bearer ${random.pick(hostileStrings)}`, 'Basic']);
    return {
      kind: 'raw-websocket',
      frames,
      authorization: authorization && printableAscii(authorization),
    };
  });
}

/** Where the time goes, by transport and the route's first path segments (printed after the run). */
const labelOf = (fuzzCase: FuzzCase) =>
  fuzzCase.kind === 'http'
    ? `${fuzzCase.request.method} ${fuzzCase.request.path.split(/[/?]/).slice(0, 4).join('/')}`
    : fuzzCase.kind === 'socket.io'
      ? `socket.io ${fuzzCase.emit.event.slice(0, 20)}`
      : fuzzCase.kind;

const provider = new ScriptedProvider({ tokens: ['Fuzzed', ' answer.'] });
/** What the server logs at level error or above, as pino's JSON lines. */
const errorLines: string[] = [];
const log = pino(
  { level: 'error' },
  new Writable({
    write(chunk, _encoding, done) {
      errorLines.push(String(chunk));
      done();
    },
  }),
);
/** The refusals to run code with SANDBOX=off are 503s, so they are logged at level error too (see `sendHttpCase`). */
function isDeliberate503Log(line: string) {
  const entry = JSON.parse(line) as { status?: number; path?: string; err?: { message?: string } };
  return (
    entry.err?.message?.startsWith('Code cannot run here') || (entry.status === 503 && entry.path === '/api/v1/runs')
  );
}
let kiln: Awaited<ReturnType<typeof startTestServer>>;
let token: string;
let resolve: Resolve;

beforeAll(async () => {
  kiln = await startTestServer({
    provider,
    log,
    environment: {
      SANDBOX: 'off',
      // Off (0): the fuzz user's cases should reach the routes, not stop at its per-minute and turn quotas.
      KILN_QUOTA_REQUESTS_PER_MINUTE: '0',
      KILN_QUOTA_CONCURRENT_TURNS: '0',
    },
  });
  ({ token } = await kiln.register('fuzz@example.com').catch((error: Error) => {
    throw new Error(`${error.message}\nserver log:\n${errorLines.join('')}`);
  }));
  const conversation = await kiln.newConversation(token, 'Fuzz target');
  const spare = await kiln.newConversation(token, 'Fuzz spare');
  const io = await kiln.socket(token);
  const started = await io.request('message:send', { conversationId: conversation.id, content: 'seed message' });
  await io.until(turnEnded(started.turnId));
  io.client.close();
  const patterns = await kiln.api('GET', '/patterns?limit=1', { token });
  const project = await kiln.api('POST', '/projects', { token, body: { name: 'Fuzz project' } });
  const spareProject = await kiln.api('POST', '/projects', { token, body: { name: 'Fuzz spare project' } });
  const ids: Record<string, string> = {
    ':conversation': conversation.id,
    ':spare': spare.id,
    ':message': started.assistantMessageId,
    ':turn': started.turnId,
    ':pattern': patterns.json?.patterns?.[0]?.id ?? 'no-pattern',
    ':project': project.json.id,
    ':spareProject': spareProject.json.id,
    // No source exists: the routes must still answer a well-formed id with a 404, never a 5xx.
    ':source': '00000000-0000-4000-8000-000000000000',
    ':member': project.json.members[0].userId,
    '{token}': token,
  };
  resolve = (text) =>
    text.replace(
      /:conversation|:spareProject|:spare|:message|:turn|:pattern|:project|:source|:member|\{token\}/g,
      (name) => ids[name]!,
    );
});
afterAll(async () => {
  await kiln?.stop();
});

describe(`fuzzing the HTTP API, /mcp, Socket.IO and the raw WebSocket (seed ${seed})`, () => {
  it('answers every malformed request without a 5xx, an internal error or a crash', { timeout: 180_000 }, async () => {
    console.log(
      `fuzz seed ${seed} (replay with KILN_FUZZ_SEED=${seed}); up to ${caseCount} cases in ${budgetMs / 1000} s`,
    );
    const cases = generateCases(new SeededRandom(seed));
    const findings: { index: number; finding: NonNullable<Finding> }[] = [];
    const deadline = Date.now() + budgetMs;
    const started = Date.now();
    errorLines.length = 0;

    const sockets = await Promise.all(Array.from({ length: concurrency }, () => kiln.socket(token)));
    const runCase = async (worker: number, fuzzCase: FuzzCase): Promise<Finding> => {
      if (fuzzCase.kind === 'http') return sendHttpCase(kiln.url, fuzzCase.request, resolve);
      if (fuzzCase.kind === 'raw-websocket')
        return runRawWebSocketCase(kiln.url, fuzzCase.frames, fuzzCase.authorization, resolve);
      if (!sockets[worker]!.client.connected) {
        const finding = { problem: 'the server disconnected the Socket.IO client', request: fuzzCase.emit };
        sockets[worker] = await kiln.socket(token);
        return finding;
      }
      return runSocketIoCase(sockets[worker]!.client, fuzzCase.emit, resolve);
    };

    let next = 0;
    let ran = 0;
    const timeByLabel = new Map<string, { cases: number; ms: number }>();
    const worker = async (id: number) => {
      while (next < cases.length && Date.now() < deadline) {
        const index = next++;
        const caseStarted = Date.now();
        const finding = await runCase(id, cases[index]!);
        const label = labelOf(cases[index]!);
        const time = timeByLabel.get(label) ?? { cases: 0, ms: 0 };
        timeByLabel.set(label, { cases: time.cases + 1, ms: time.ms + Date.now() - caseStarted });
        ran += 1;
        if (finding) findings.push({ index, finding });
      }
    };
    let barrageOver = false;
    const healthChecks = (async () => {
      while (!barrageOver) {
        const health = await fetch(`${kiln.url}/health`, { signal: AbortSignal.timeout(10_000) }).catch(
          (error: Error) => ({ status: error.message }),
        );
        if (health.status !== 200)
          findings.push({
            index: -1,
            finding: { problem: `/health answered ${health.status}`, request: 'GET /health' },
          });
        await new Promise((wait) => setTimeout(wait, 2_000));
      }
    })();
    await Promise.all(Array.from({ length: concurrency }, (_, id) => worker(id)));
    barrageOver = true;
    await healthChecks;
    const slowest = [...timeByLabel].sort(([, a], [, b]) => b.ms - a.ms).slice(0, 6);
    console.log(
      `slowest: ${slowest.map(([label, { cases, ms }]) => `${label} ${cases}× ${Math.round(ms / cases)} ms`).join(', ')}`,
    );
    console.log(
      `fuzz seed ${seed}: ${ran} of ${cases.length} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );

    // After the barrage, a well-formed request, a Socket.IO turn and a raw WebSocket ping still work.
    expect((await kiln.api('GET', '/auth/me', { token })).status).toBe(200);
    const conversation = await kiln.newConversation(token, 'After the fuzz');
    const io = await kiln.socket(token);
    const ack = await io.request('message:send', { conversationId: conversation.id, content: 'still there?' });
    expect(ack, JSON.stringify(ack)).toMatchObject({ ok: true });
    await io.until(turnEnded(ack.turnId));
    expect(await runRawWebSocketCase(kiln.url, [], 'Bearer {token}', resolve)).toBeUndefined();

    const report = findings
      .slice(0, 10)
      .map(({ index, finding }) => `case ${index}: ${JSON.stringify(finding).slice(0, 3_000)}`);
    const errors = errorLines.filter((line) => !isDeliberate503Log(line));
    if (errors.length) report.push(`server errors logged:\n${errors.slice(0, 10).join('').slice(0, 10_000)}`);
    if (report.length)
      expect.fail(
        `fuzz seed ${seed} (replay with KILN_FUZZ_SEED=${seed}): ${findings.length} findings\n${report.join('\n')}`,
      );
  });
});
