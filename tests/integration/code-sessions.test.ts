import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TurnDetails } from '../../protocol/turn-details.ts';
import type { TurnEvent } from '../../protocol/turn-events.ts';
import { startReplayLlmServer, type Reply } from '../support/replay-llm-server.ts';
import { startTestServer, textOf, turnEnded } from '../support/test-server.ts';

// Code sessions end to end: the real server, the real job queue and the real bubblewrap sandbox; a model that
// is the real OpenAI adapter talking to a local server that answers in OpenAI's streaming wire format.

const failingAdd = [
  'I add the two numbers.\n\n',
  '```typescript\nexport function add(a: number, b: number): number {\n  return a - b;\n}\n```\n\n',
  "```typescript\nimport { expect, test } from 'vitest';\nimport { add } from './solution';\n\n",
  "test('adds two numbers', () => {\n  expect(add(2, 3)).toBe(5);\n});\n```\n",
];
const passingAdd = [
  'The subtraction was wrong: it must add.\n\n',
  '```typescript\nexport function add(a: number, b: number): number {\n  return a + b;\n}\n```\n\n',
  "```typescript\nimport { expect, test } from 'vitest';\nimport { add } from './solution';\n\n",
  "test('adds two numbers', () => {\n  expect(add(2, 3)).toBe(5);\n});\n```\n",
];
const openai = (pieces: string[]): Reply => ({ kind: 'openai', pieces });

const ofTurn = (events: TurnEvent[], turnId: string) => events.filter((event) => event.turnId === turnId);
const phases = (events: TurnEvent[]) =>
  events.flatMap((event) => (event.type === 'session.phase' ? [`${event.phase}:${event.attempt}`] : []));
const outcomeOf = (events: TurnEvent[]) => events.find((event) => event.type === 'session.outcome');

describe('code sessions on the offline engine', () => {
  let kiln: Awaited<ReturnType<typeof startTestServer>>;
  let token: string;
  beforeAll(async () => {
    kiln = await startTestServer({ environment: { KILN_WORKERS: 'in-process' } });
    ({ token } = await kiln.register());
  });
  afterAll(async () => kiln?.stop());

  it('runs the chosen pattern and its tests in the sandbox, live, and credits the pattern', async () => {
    const conversation = await kiln.newConversation(token, 'Debounce');
    const socket = await kiln.socket(token);
    const started = await socket.request('message:send', {
      conversationId: conversation.id,
      content: '/code debounce a function in TypeScript',
    });
    expect(started.ok).toBe(true);
    const events = ofTurn(await socket.until(turnEnded(started.turnId), 60_000), started.turnId);
    expect(phases(events)).toEqual(['plan:1', 'generate:1', 'validate:1', 'done:1']);
    const attempt = events.find((event) => event.type === 'session.attempt')!;
    expect(attempt).toMatchObject({ attempt: 1, language: 'typescript', runId: expect.any(String) });
    const patternId = attempt.type === 'session.attempt' ? attempt.patternIds[0]! : '';
    const result = events.find((event) => event.type === 'sandbox.result');
    expect(result).toMatchObject({ passed: true, exitCode: 0 });
    expect(result?.type === 'sandbox.result' && result.tests!.passed).toBeGreaterThan(0);
    // Output streams between the attempt and its verdict.
    const seqOf = (type: string) => events.findIndex((event) => event.type === type);
    expect(seqOf('session.attempt')).toBeLessThan(seqOf('sandbox.result'));
    expect(outcomeOf(events)).toMatchObject({ status: 'passed', attempts: 1, approvable: false });
    expect(textOf(events)).toContain('**Passed:**');

    // The run's verdict reached the pattern's stats.
    const deadline = Date.now() + 10_000;
    let stats: { successes: number } = { successes: 0 };
    while (Date.now() < deadline) {
      stats = (await kiln.api('GET', `/patterns/${patternId}`, { token })).json.stats;
      if (stats.successes > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(stats.successes).toBeGreaterThan(0);

    // Reloaded, the answer shows the same session; it cannot be approved (it is the stored pattern already).
    const page = await kiln.api('GET', `/conversations/${conversation.id}/messages`, { token });
    const answer = page.json.messages.find((message: { role: string }) => message.role === 'assistant');
    const details = answer.turn.details as TurnDetails;
    expect(details.session?.outcome).toMatchObject({ status: 'passed' });
    expect(details.session?.attempts[0]?.result?.passed).toBe(true);
    const approve = await kiln.api('POST', `/conversations/${conversation.id}/messages/${answer.id}/approval`, {
      token,
      body: { decision: 'approve' },
    });
    expect(approve.status).toBe(409);
  });

  it('runs pasted code with its tests as given, and diagnoses a failure', async () => {
    const conversation = await kiln.newConversation(token, 'Pasted');
    const socket = await kiln.socket(token);
    const started = await socket.request('message:send', {
      conversationId: conversation.id,
      content: [
        'Run this please:',
        '```python',
        'def greet(name):',
        '    return "hello " + name.upper()',
        '```',
        '```python',
        'import unittest',
        'from solution import greet',
        'class T(unittest.TestCase):',
        '    def test_greet(self):',
        '        self.assertEqual(greet(None), "hello ")',
        '```',
      ].join('\n'),
    });
    const events = ofTurn(await socket.until(turnEnded(started.turnId), 60_000), started.turnId);
    expect(events.find((event) => event.type === 'intent')).toMatchObject({ intent: 'generate', via: 'rule' });
    expect(phases(events)).toEqual(['plan:1', 'validate:1', 'done:1']);
    expect(events.find((event) => event.type === 'sandbox.result')).toMatchObject({ passed: false });
    expect(outcomeOf(events)).toMatchObject({ status: 'failed', approvable: false });
    const text = textOf(events);
    expect(text).toContain('AttributeError');
    expect(text).toContain('without a model Kiln cannot repair it');
  });
});

describe('code sessions with a model', () => {
  let kiln: Awaited<ReturnType<typeof startTestServer>>;
  let model: Awaited<ReturnType<typeof startReplayLlmServer>>;
  let token: string;
  let folder: string;
  beforeAll(async () => {
    model = await startReplayLlmServer();
    folder = await mkdtemp(path.join(os.tmpdir(), 'kiln-tool-folder-'));
    kiln = await startTestServer({
      environment: {
        KILN_WORKERS: 'in-process',
        LLM_PROVIDER: 'openai',
        OPENAI_BASE_URL: `${model.url}/v1`,
        OPENAI_API_KEY: 'test-key',
        LLM_MODEL: 'scripted-model',
        MCP_FILESYSTEM_ROOTS: folder,
      },
    });
    ({ token } = await kiln.register());
  });
  afterAll(async () => {
    await kiln?.stop();
    await model?.close();
    await rm(folder, { recursive: true, force: true });
  });

  const session = async (content: string, replies: Reply[]) => {
    model.script(...replies);
    const conversation = await kiln.newConversation(token, 'Session');
    const socket = await kiln.socket(token);
    const started = await socket.request('message:send', { conversationId: conversation.id, content });
    expect(started.ok, JSON.stringify(started)).toBe(true);
    const events = ofTurn(await socket.until(turnEnded(started.turnId), 90_000), started.turnId);
    return { conversation, events, started, socket };
  };

  it('runs the code, repairs it with the failure as grounding, passes, and an approval saves a learned pattern', async () => {
    const before = model.requests.length;
    const { conversation, events, started } = await session('/code add two numbers in TypeScript', [
      openai(failingAdd),
      openai(passingAdd),
    ]);
    expect(phases(events)).toEqual(['plan:1', 'generate:1', 'validate:1', 'repair:2', 'validate:2', 'done:2']);
    const results = events.filter((event) => event.type === 'sandbox.result');
    expect(results.map((event) => event.type === 'sandbox.result' && event.passed)).toEqual([false, true]);
    expect(outcomeOf(events)).toMatchObject({ status: 'passed', attempts: 2, approvable: true });
    // The repair request told the model what failed.
    const repairRequest = JSON.stringify(model.requests.slice(before)[1]!.body);
    expect(repairRequest).toContain('failed');
    expect(repairRequest).toContain('adds two numbers');

    const approval = await kiln.api(
      'POST',
      `/conversations/${conversation.id}/messages/${started.assistantMessageId}/approval`,
      { token, body: { decision: 'approve', note: 'works' } },
    );
    expect(approval.status, approval.text).toBe(200);
    expect(approval.json.approval).toMatchObject({ decision: 'approve', duplicate: false });
    const patternId = approval.json.approval.patternId as string;
    const pattern = (await kiln.api('GET', `/patterns/${patternId}`, { token })).json;
    expect(pattern.source.kind).toBe('learned');
    expect(pattern.source.learnedFrom).toMatchObject({
      conversationId: conversation.id,
      messageId: started.assistantMessageId,
      turnId: started.turnId,
    });
    expect(pattern.source.learnedFrom.runIds).toHaveLength(2);
    expect(pattern.code).toContain('return a + b');
    // Searchable at once.
    const search = await kiln.api('GET', `/patterns/search?q=${encodeURIComponent('add two numbers')}`, { token });
    expect(search.json.results.map((result: { id: string }) => result.id)).toContain(patternId);
    // Decided once.
    const again = await kiln.api(
      'POST',
      `/conversations/${conversation.id}/messages/${started.assistantMessageId}/approval`,
      { token, body: { decision: 'reject' } },
    );
    expect(again.status).toBe(409);
    // The reloaded answer carries the decision.
    const page = await kiln.api('GET', `/conversations/${conversation.id}/messages`, { token });
    const answer = page.json.messages.find((message: { id: string }) => message.id === started.assistantMessageId);
    expect(answer.turn.details.session.approval).toMatchObject({ decision: 'approve', patternId });
  });

  it('stops after three repairs and says it is still failing, with the last output', async () => {
    const { events, conversation, started } = await session('/code add two numbers in TypeScript', [
      openai(failingAdd),
      openai(failingAdd),
      openai(failingAdd),
      openai(failingAdd),
    ]);
    expect(events.filter((event) => event.type === 'session.attempt')).toHaveLength(4);
    expect(outcomeOf(events)).toMatchObject({ status: 'failed', attempts: 4, approvable: false });
    expect(textOf(events)).toContain('still failing after 3 repairs');
    const approval = await kiln.api(
      'POST',
      `/conversations/${conversation.id}/messages/${started.assistantMessageId}/approval`,
      { token, body: { decision: 'approve' } },
    );
    expect(approval.status).toBe(409);
    const rejection = await kiln.api(
      'POST',
      `/conversations/${conversation.id}/messages/${started.assistantMessageId}/approval`,
      { token, body: { decision: 'reject', note: 'it subtracts' } },
    );
    expect(rejection.status, rejection.text).toBe(200);
    expect(rejection.json.approval).toMatchObject({ decision: 'reject', note: 'it subtracts', patternId: null });
  });

  it('resumes a session after a reconnect with no gap and no duplicate', async () => {
    model.script(
      openai([
        'Counting.\n\n',
        '```python\nimport time\nfor i in range(30):\n    print(i, flush=True)\n    time.sleep(0.05)\n```\n',
      ]),
    );
    const conversation = await kiln.newConversation(token, 'Resume');
    const first = await kiln.socket(token);
    const started = await first.request('message:send', {
      conversationId: conversation.id,
      content: '/code count to 30 slowly in Python',
    });
    await first.until((events) => events.some((event) => event.type === 'sandbox.output'), 60_000);
    first.client.close();
    const seen = first.events.filter((event) => event.turnId === started.turnId);
    const lastSeq = seen.at(-1)!.seq;
    const second = await kiln.socket(token);
    const resumed = await second.request('turn:resume', { turnId: started.turnId, afterSeq: lastSeq });
    expect(resumed.ok).toBe(true);
    const rest = ofTurn(await second.until(turnEnded(started.turnId), 60_000), started.turnId);
    const all = [...seen, ...rest];
    expect(all.map((event) => event.seq)).toEqual(all.map((_, index) => index + 1));
    const output = all.map((event) => (event.type === 'sandbox.output' ? event.chunk : '')).join('');
    expect(output).toBe(Array.from({ length: 30 }, (_, index) => `${index}\n`).join(''));
  });

  it('asks before a tool that writes: confirmed, it runs; refused, it does not and the model is told', async () => {
    const write = (file: string) =>
      ({
        kind: 'openai',
        pieces: [],
        toolCalls: [
          {
            id: `call_${file}`,
            name: 'filesystem__write_file',
            input: { path: path.join(folder, file), content: 'hi' },
          },
        ],
      }) as Reply;
    model.script(write('yes.txt'), openai(['Written.']));
    const conversation = await kiln.newConversation(token, 'Tools');
    const socket = await kiln.socket(token);
    const started = await socket.request('message:send', {
      conversationId: conversation.id,
      content: '/tool write hi to yes.txt',
    });
    await socket.until(
      (events) => events.some((event) => event.type === 'tool.call' && event.needsConfirmation),
      30_000,
    );
    const call = socket.events.find((event) => event.type === 'tool.call')!;
    const callId = call.type === 'tool.call' ? call.callId : '';
    const confirmed = await kiln.api('POST', `/turns/${started.turnId}/tool-calls/${callId}/confirmation`, {
      token,
      body: { approve: true },
    });
    expect(confirmed.status, confirmed.text).toBe(200);
    const events = ofTurn(await socket.until(turnEnded(started.turnId), 30_000), started.turnId);
    expect(events.find((event) => event.type === 'tool.confirmation')).toMatchObject({ approved: true, by: 'user' });
    expect(events.find((event) => event.type === 'tool.result')).toMatchObject({ ok: true });
    expect(await readFile(path.join(folder, 'yes.txt'), 'utf8')).toBe('hi');

    const before = model.requests.length;
    model.script(write('no.txt'), openai(['I did not write it.']));
    const refused = await socket.request('message:send', {
      conversationId: conversation.id,
      content: '/tool write hi to no.txt',
    });
    await socket.until(
      (all) => all.some((event) => event.turnId === refused.turnId && event.type === 'tool.call'),
      30_000,
    );
    const refusedCall = socket.events.find((event) => event.turnId === refused.turnId && event.type === 'tool.call')!;
    const answer = await socket.request('tool:confirm', {
      turnId: refused.turnId,
      callId: refusedCall.type === 'tool.call' ? refusedCall.callId : '',
      approve: false,
    });
    expect(answer.ok).toBe(true);
    const after = ofTurn(await socket.until(turnEnded(refused.turnId), 30_000), refused.turnId);
    expect(after.find((event) => event.type === 'tool.confirmation')).toMatchObject({ approved: false, by: 'user' });
    expect(after.find((event) => event.type === 'tool.result')).toMatchObject({ ok: false });
    await expect(readFile(path.join(folder, 'no.txt'), 'utf8')).rejects.toThrow();
    expect(JSON.stringify(model.requests.slice(before).at(-1)!.body)).toContain('The user refused this call');
    // Nobody else can answer a call, and an answered call is gone.
    const late = await kiln.api('POST', `/turns/${refused.turnId}/tool-calls/x/confirmation`, {
      token,
      body: { approve: true },
    });
    expect(late.status).toBe(404);
  });
});

describe('code sessions without a sandbox', () => {
  let kiln: Awaited<ReturnType<typeof startTestServer>>;
  let token: string;
  beforeAll(async () => {
    kiln = await startTestServer({ environment: { KILN_WORKERS: 'in-process', SANDBOX: 'off' } });
    ({ token } = await kiln.register());
  });
  afterAll(async () => kiln?.stop());

  it('says the code was not run and why, and records nothing as verified', async () => {
    const conversation = await kiln.newConversation(token, 'No sandbox');
    const socket = await kiln.socket(token);
    const started = await socket.request('message:send', {
      conversationId: conversation.id,
      content: '/code debounce a function in TypeScript',
    });
    const events = ofTurn(await socket.until(turnEnded(started.turnId), 60_000), started.turnId);
    expect(events.some((event) => event.type === 'sandbox.result')).toBe(false);
    expect(events.find((event) => event.type === 'session.attempt')).toMatchObject({ runId: null });
    expect(outcomeOf(events)).toMatchObject({ status: 'not-run', approvable: false });
    expect(textOf(events)).toContain('**Not run:**');
    const attempt = events.find((event) => event.type === 'session.attempt');
    const patternId = attempt?.type === 'session.attempt' ? attempt.patternIds[0] : undefined;
    const pattern = (await kiln.api('GET', `/patterns/${patternId}`, { token })).json;
    expect(pattern.stats).toMatchObject({ uses: 0, successes: 0, failures: 0 });
  });
});
