// `npm run eval:learning`: proof that Kiln learns from outcomes. A real Kiln in this process (embedded Postgres
// and Chroma, the job queue with in-process workers, the bubblewrap sandbox) on a throwaway data dir, with a
// scripted model, driven through the public API as a user would: (1) a seed pattern whose code fails 3 runs of
// 3 leaves the top 3 for its own questions; (2) a repair that passed, once approved, is the first fix `/debug`
// cites for the same error; (3) recall@5 on the labelled retrieval set does not fall. Exits 1 on a missed target.
import os from 'node:os';
import pino from 'pino';
import { loadConfig } from '../platform/config/config.ts';
import { startServer } from '../server/start-server.ts';
import { noQuotas } from './bench/no-quotas.ts';
import { temporaryDirectory } from '../tests/support/temporary-directory.ts';
import { KilnClient } from './eval-learning/kiln-client.ts';
import { learnAFix, type LearnedFixFigures } from './eval-learning/learned-fix.ts';
import { printReport } from './eval-learning/report.ts';
import { labelledQuestionsExpecting, recallAt5 } from './eval-learning/retrieval-recall.ts';
import { fixCases } from './eval-learning/scripted-answers.ts';
import { ScriptedModel } from './eval-learning/scripted-model.ts';
import { sinkKnownBadPattern } from './eval-learning/sinking-pattern.ts';

const started = performance.now();
const dataDir = await temporaryDirectory('kiln-eval-learning');
const model = new ScriptedModel();
const config = loadConfig({
  ...noQuotas,
  KILN_DATA_DIR: dataDir.path,
  PORT: '0',
  KILN_WORKERS: 'in-process',
  SANDBOX: 'bubblewrap',
});
const server = await startServer(config, pino({ level: process.env.LOG_LEVEL ?? 'warn' }), { provider: model });
let passed: boolean;
try {
  const ready = (await (await fetch(`${server.url}/ready`)).json()) as { checks: { sandbox?: { detail?: string } } };
  const client = new KilnClient(server.url);
  await client.register('eval-learning@example.com');

  const before = await recallAt5(server.knowledge.retriever);
  const sinking = await sinkKnownBadPattern(client, model);
  const fixes: LearnedFixFigures[] = [];
  for (const fixCase of fixCases) fixes.push(await learnAFix(client, model, fixCase));
  const after = await recallAt5(server.knowledge.retriever);

  passed = printReport({
    machine: `${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version} · sandbox: ${ready.checks.sandbox?.detail ?? 'unknown'}`,
    sinking,
    sinkingLabelled: await labelledQuestionsExpecting(sinking.patternId),
    fixes,
    recall: { before, after },
    unexpectedRequests: model.unexpected,
    seconds: (performance.now() - started) / 1000,
  });
} finally {
  await server.stop();
  await dataDir.remove();
}
process.exit(passed ? 0 : 1);
