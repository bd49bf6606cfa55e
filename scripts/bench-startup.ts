// `npm run bench:startup`: how long `npm start` takes to answer /ready with 200, on a fresh data dir (initdb
// included), on a restart after a clean stop, and on a restart after kill -9. Prints a Markdown table for
// docs/benchmarks.md.
import os from 'node:os';
import { KilnProcess, waitForStatus } from '../tests/support/kiln-process.ts';
import { temporaryDirectory } from '../tests/support/temporary-directory.ts';

const runs = Number(process.argv[2] ?? 3);

async function timeToReady(dataDir: string) {
  const started = Date.now();
  const server = KilnProcess.start('server', { KILN_DATA_DIR: dataDir, PORT: '0' });
  const url = await server.url();
  await waitForStatus(`${url}/ready`, 200, { since: started, timeoutMs: 120_000 });
  return { server, ms: Date.now() - started };
}

const results: Record<string, number[]> = {
  'first start (initdb)': [],
  'restart after clean stop': [],
  'restart after kill -9': [],
};
for (let run = 0; run < runs; run += 1) {
  const dataDir = await temporaryDirectory('kiln-bench');
  const first = await timeToReady(dataDir.path);
  results['first start (initdb)']!.push(first.ms);
  await first.server.stop('SIGTERM');
  const second = await timeToReady(dataDir.path);
  results['restart after clean stop']!.push(second.ms);
  second.server.child.kill('SIGKILL');
  await second.server.exit();
  const third = await timeToReady(dataDir.path);
  results['restart after kill -9']!.push(third.ms);
  await third.server.stop('SIGTERM');
  await dataDir.remove();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
console.log(
  `\n${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}; ${runs} runs\n`,
);
console.log('| scenario | median ms | max ms | goal |');
console.log('| --- | --- | --- | --- |');
for (const [scenario, values] of Object.entries(results)) {
  const goal = scenario.startsWith('first') ? '≤ 60000' : '≤ 15000';
  console.log(`| ${scenario} | ${median(values)} | ${Math.max(...values)} | ${goal} |`);
}
