// `npm run bench:slack`: the Slack Events API endpoint under load. Signed `app_mention` events arrive open-loop at
// 50 per second (20 Slack users, 10 channels, 10 questions) and each request is timed from sending to Kiln's
// answer (the ack, which Slack wants within 3 s); each event also starts a real Kiln turn that writes its answer
// to a local double of Slack's Web API, and that load is part of the measurement. Then, at idle, events one at a
// time: from sending the event to the double receiving the answer's first text in the thread (`chat.startStream`,
// or `chat.postMessage` when the whole answer is ready before the first write), and to the answer's end (the call
// carrying the footer blocks). Kiln runs as `npm start` runs it, in its own process, in front of the instant local
// model bench:chat uses; the load starts once Kiln has settled after start-up (see `settle`). Exit 1 when the ack
// p99 is 100 ms or more, a request fails, or a thread does not get exactly one answer.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { KilnProcess } from '../tests/support/kiln-process.ts';
import { signSlackRequest } from '../tests/support/sign-slack-request.ts';
import { startSlackApiDouble, type SlackApiDouble } from '../tests/support/slack-api-double.ts';
import { temporaryDirectory } from '../tests/support/temporary-directory.ts';
import { settle } from './bench/settle.ts';
import { startChild } from './bench/start-child.ts';
import { noQuotas } from './bench/no-quotas.ts';

const ratePerSecond = Number(process.env.BENCH_RATE ?? 50);
const measureSeconds = Number(process.env.BENCH_SECONDS ?? 20);
const warmupSeconds = 3;
const sequentialEvents = 30;
const ackTargetMs = 100;
const users = 20;
const channels = 10;
const botUserId = 'U0KILNBOT';
const teamId = 'T0KILN';
const questions = [
  'how do I debounce a function?',
  'how do I read a file line by line in Node?',
  'what is the difference between map and forEach?',
  'how do I deep clone an object?',
  'how do I retry a failed fetch with backoff?',
  'how do I parse a CSV file in Python?',
  'how do I sort a list of dicts by a key?',
  'how do I cancel a promise after a timeout?',
  'how do I write a unit test for an async function?',
  'how do I remove duplicates from an array?',
];

interface SentEvent {
  ts: string;
  channel: string;
  /** Date.now() when sent, to compare with the double's `at`. */
  sentAt: number;
  /** Send to response, ms; undefined when the request failed. */
  ackMs?: number;
  status?: number;
}

const eventStartSeconds = Math.floor(Date.now() / 1000);
let eventCount = 0;

/** Sends one signed `app_mention` in a new thread, as Slack's Events API would. */
async function sendMention(url: string, secret: string): Promise<SentEvent> {
  const index = eventCount++;
  const ts = `${eventStartSeconds}.${String(index).padStart(6, '0')}`;
  const channel = `C${index % channels}`;
  const body = JSON.stringify({
    type: 'event_callback',
    team_id: teamId,
    api_app_id: 'A0',
    event_id: `Ev${String(index).padStart(8, '0')}`,
    event_time: Math.floor(Date.now() / 1000),
    event: {
      type: 'app_mention',
      user: `U${(index % users) + 1}`,
      text: `<@${botUserId}> ${questions[index % questions.length]}`,
      ts,
      channel,
    },
  });
  const headers = signSlackRequest(secret, body);
  const sent: SentEvent = { ts, channel, sentAt: Date.now() };
  const started = performance.now();
  try {
    const response = await fetch(`${url}/slack/events`, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(10_000),
    });
    sent.ackMs = performance.now() - started;
    sent.status = response.status;
    await response.arrayBuffer();
  } catch (error) {
    console.error(`event ${ts} failed: ${(error as Error).message}`);
  }
  return sent;
}

/** Sends mentions open-loop at `ratePerSecond` for `seconds`: each on its own schedule, none waiting for another. */
async function load(url: string, secret: string, seconds: number): Promise<SentEvent[]> {
  const total = Math.round(seconds * ratePerSecond);
  const intervalMs = 1000 / ratePerSecond;
  const started = performance.now();
  const sends: Promise<SentEvent>[] = [];
  for (let index = 0; index < total; index += 1) {
    const wait = started + index * intervalMs - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    sends.push(sendMention(url, secret));
  }
  return Promise.all(sends);
}

interface ThreadAnswer {
  /** Successful `chat.startStream` and `chat.postMessage` calls in the thread: Kiln's answers to the event. */
  answers: number;
  streamed: boolean;
  firstTextAt?: number;
  /** When the double got the call carrying the footer blocks (the end of the answer). */
  completeAt?: number;
}

/** What the double saw, per thread (event ts), in one pass over its calls. */
function answersByThread(slack: SlackApiDouble): Map<string, ThreadAnswer> {
  const threadOfMessage = new Map(slack.messages().map((message) => [message.ts, message.threadTs]));
  const threads = new Map<string, ThreadAnswer>();
  const threadOf = (ts: string) => {
    let thread = threads.get(ts);
    if (!thread) threads.set(ts, (thread = { answers: 0, streamed: false }));
    return thread;
  };
  for (const call of slack.calls) {
    if (call.answered !== 200 || call.error) continue;
    const hasBlocks = Array.isArray(call.args.blocks);
    if (call.method === 'chat.startStream' || call.method === 'chat.postMessage') {
      const thread = threadOf(String(call.args.thread_ts));
      thread.answers += 1;
      thread.firstTextAt ??= call.at;
      if (call.method === 'chat.startStream') thread.streamed = true;
      if (hasBlocks) thread.completeAt ??= call.at;
    } else if ((call.method === 'chat.stopStream' || call.method === 'chat.update') && hasBlocks) {
      const threadTs = threadOfMessage.get(String(call.args.ts));
      if (threadTs) threadOf(threadTs).completeAt ??= call.at;
    }
  }
  return threads;
}

/** Resolves once every event's answer is complete in Slack, or after `timeoutMs` (then some are not). */
async function answersComplete(slack: SlackApiDouble, events: SentEvent[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const threads = answersByThread(slack);
    if (events.every((event) => threads.get(event.ts)?.completeAt !== undefined) || Date.now() > deadline) {
      return threads;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');
const row = (label: string, values: number[], columns: number[]) =>
  `| ${label} | ${values.length} | ${columns.map((p) => ms(percentile(values, p))).join(' | ')} | ${ms(Math.max(...values))} |`;

const secret = randomBytes(16).toString('hex');
const slack = await startSlackApiDouble({ botUserId, teamId });
const model = await startChild('scripts/bench/instant-model.ts');
const dataDir = await temporaryDirectory('kiln-bench-slack');
const kiln = KilnProcess.start('server', {
  // 20 users carry the whole load, which their request and concurrency quotas would refuse (they have their own tests).
  ...noQuotas,
  KILN_DATA_DIR: dataDir.path,
  PORT: '0',
  OPENAI_BASE_URL: `${model.url}/v1`,
  LLM_MODEL: 'instant',
  LOG_LEVEL: 'info',
  SLACK_BOT_TOKEN: 'xoxb-bench',
  SLACK_SIGNING_SECRET: secret,
  SLACK_API_URL: slack.url,
});
// Failed until the figures say otherwise (a throw on the way leaves it so).
let failed = true;
try {
  const url = await kiln.url();
  await kiln.waitForLog((line) => String(line.msg).startsWith('Kiln is ready'), 120_000);
  await settle([kiln.pid]);

  const warmup = await load(url, secret, warmupSeconds);
  const loadStarted = Date.now();
  const measured = await load(url, secret, measureSeconds);
  const loadEnded = Date.now();
  const loadSeconds = (loadEnded - loadStarted) / 1000;
  const loadThreads = await answersComplete(slack, [...warmup, ...measured], 120_000);
  const drainSeconds = (Date.now() - loadEnded) / 1000;

  const sequential: SentEvent[] = [];
  for (let index = 0; index < sequentialEvents; index += 1) {
    const event = await sendMention(url, secret);
    sequential.push(event);
    await answersComplete(slack, [event], 30_000);
  }
  const threads = answersByThread(slack);

  const all = [...warmup, ...measured, ...sequential];
  const acks = measured.flatMap((event) => (event.ackMs === undefined ? [] : [event.ackMs]));
  const notOk = measured.filter((event) => event.status !== 200);
  const failedAnywhere = all.filter((event) => event.status !== 200).length;
  const answerCounts = all.map((event) => threads.get(event.ts)?.answers ?? 0);
  const unanswered = answerCounts.filter((count) => count === 0).length;
  const duplicated = answerCounts.filter((count) => count > 1).length;
  const incomplete = all.filter((event) => threads.get(event.ts)?.completeAt === undefined).length;
  const loadStreamed = [...warmup, ...measured].filter((event) => loadThreads.get(event.ts)?.streamed).length;
  const firstText = sequential.flatMap((event) => {
    const at = threads.get(event.ts)?.firstTextAt;
    return at === undefined ? [] : [at - event.sentAt];
  });
  const complete = sequential.flatMap((event) => {
    const at = threads.get(event.ts)?.completeAt;
    return at === undefined ? [] : [at - event.sentAt];
  });
  const sequentialStreamed = sequential.filter((event) => threads.get(event.ts)?.streamed).length;
  const slackErrors = slack.calls.filter((call) => call.answered !== 200 || call.error);
  const errorLines = kiln.lines.filter((line) => (line.level ?? 0) >= 50).length;

  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  console.log(
    `\n${new Date().toISOString().slice(0, 10)} · ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`,
  );
  console.log(
    `${ratePerSecond} app_mention events/s open-loop, ${warmupSeconds} s warm-up + ${measureSeconds} s measured (${measured.length} events sent in ${loadSeconds.toFixed(1)} s), ${users} Slack users, ${channels} channels; Kiln in its own process, instant local model (OpenAI wire format), Slack Web API double\n`,
  );
  console.log('| ack: send → HTTP response (ms) | events | p50 | p95 | p99 | max |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  console.log(row('under load', acks, [50, 95, 99]));
  console.log(
    row(
      'at idle, one at a time',
      sequential.flatMap((event) => event.ackMs ?? []),
      [50, 95, 99],
    ),
  );
  console.log(
    `\nnon-200 or failed requests: ${notOk.length} of ${measured.length} measured (${failedAnywhere} of ${all.length} in all)`,
  );

  console.log(`\n| at idle, one at a time (ms) | events | p50 | p95 | max |`);
  console.log('| --- | --- | --- | --- | --- |');
  console.log(row('event → first answer text in the thread', firstText, [50, 95]));
  console.log(row('event → answer complete (footer)', complete, [50, 95]));
  console.log(
    `\nanswers streamed (chat.startStream) rather than posted whole (chat.postMessage): ${sequentialStreamed} of ${sequential.length} at idle, ${loadStreamed} of ${warmup.length + measured.length} under load`,
  );
  console.log(
    `under load, the last answer was complete ${drainSeconds.toFixed(1)} s after the last event was sent (answers lag while turns queue)`,
  );
  console.log(
    `threads with exactly one answer: ${all.length - unanswered - duplicated} of ${all.length} (none: ${unanswered}, more than one: ${duplicated}); answers not complete in time: ${incomplete}`,
  );
  console.log(
    `Slack API calls: ${slack.calls.length}, refused or failed: ${slackErrors.length}${slackErrors.length ? ` (${[...new Set(slackErrors.map((call) => `${call.method} ${call.error ?? call.answered}`))].join(', ')})` : ''}; Kiln error log lines: ${errorLines}`,
  );

  const p99 = percentile(acks, 99);
  const ackMet = acks.length === measured.length && p99 < ackTargetMs;
  console.log(
    `\nack p99 < ${ackTargetMs} ms: ${ackMet ? 'met' : 'NOT met'} (${ms(p99)} ms); every request 200: ${failedAnywhere === 0 ? 'yes' : 'NO'}; one answer per event: ${unanswered + duplicated === 0 ? 'yes' : 'NO'}`,
  );
  failed = !ackMet || failedAnywhere > 0 || unanswered + duplicated > 0 || incomplete > 0;
} catch (error) {
  console.error(error);
} finally {
  await kiln.stop('SIGTERM');
  model.stop();
  await slack.close();
  await dataDir.remove();
}
process.exitCode = failed ? 1 : 0;
