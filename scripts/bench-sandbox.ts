// `npm run bench:sandbox`: time from `POST /api/v1/runs` to the run's verdict for a hello-world in each language,
// through a real Kiln (embedded Postgres, pg-boss, in-process workers, the bubblewrap driver), against the bare
// commands in the same run: `bwrap … <runtime> <hello>` by hand, and the runtime on the host. Then 20 runs sent at
// once, all of which must complete. With BENCH_DOCKER=1 and Podman installed, the Docker driver too.
import { spawn } from 'node:child_process';
import os from 'node:os';
import pino from 'pino';
import { loadConfig } from '../platform/config/config.ts';
import type { RunEvent, RunLanguage } from '../protocol/runs.ts';
import { startServer } from '../server/start-server.ts';
import { startPodmanService } from '../tests/support/podman-service.ts';
import { noQuotas } from './bench/no-quotas.ts';
import { temporaryDirectory } from '../tests/support/temporary-directory.ts';

const samples = Number(process.env.BENCH_SAMPLES ?? 30);
const only = process.env.BENCH_ONLY;
const concurrent = 20;

const programs: Record<RunLanguage, { code: string; bare: string[] }> = {
  javascript: { code: "console.log('hello')", bare: ['node', '-e', "console.log('hello')"] },
  typescript: {
    code: "const greeting: string = 'hello';\nconsole.log(greeting);",
    bare: ['node', '-e', "console.log('hello')"],
  },
  // Debian's python3: the one on PATH may be a version manager's shim (a shell script), slower to start.
  python: { code: "print('hello')", bare: ['/usr/bin/python3', '-c', "print('hello')"] },
  shell: { code: 'echo hello', bare: ['sh', '-c', 'echo hello'] },
};

/** The smallest bubblewrap invocation that runs a program isolated as Kiln's does: what one would type by hand. */
const bareBubblewrap = (command: string[]) => [
  'bwrap',
  ...['--unshare-all', '--die-with-parent', '--new-session', '--ro-bind', '/usr', '/usr'],
  ...['--symlink', 'usr/lib', '/lib', '--symlink', 'usr/lib64', '/lib64', '--symlink', 'usr/bin', '/bin'],
  ...['--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp', '--tmpfs', '/work', '--chdir', '/work'],
  ...['--clearenv', '--setenv', 'PATH', '/usr/bin:/bin', '--uid', '65534', '--gid', '65534'],
  ...command,
];

function timeCommand([command, ...args]: string[]): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command!, args, { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`${command} exited ${code}`)),
    );
  });
}

const percentile = (values: number[], fraction: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
};
const summary = (values: number[]) => ({ p50: percentile(values, 0.5), p95: percentile(values, 0.95) });
const format = (value: number) => value.toFixed(0).padStart(6);

async function startKiln(environment: Record<string, string>) {
  const dataDir = await temporaryDirectory('kiln-bench-sandbox');
  const config = loadConfig({
    ...noQuotas,
    KILN_DATA_DIR: dataDir.path,
    PORT: '0',
    KILN_WORKERS: 'in-process',
    KILN_RUNS_PER_USER: String(concurrent),
    ...environment,
  });
  const server = await startServer(config, pino({ level: 'silent' }));
  const register = await fetch(`${server.url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@example.com', password: 'correct horse battery' }),
  });
  const { token } = (await register.json()) as { token: string };
  /** One run, streamed: resolves with the time from sending the request to its verdict, and the verdict. */
  const run = async (language: RunLanguage) => {
    const started = performance.now();
    const response = await fetch(`${server.url}/api/v1/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
      body: JSON.stringify({ language, code: programs[language].code }),
    });
    const text = await response.text();
    const elapsed = performance.now() - started;
    const events = text
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => JSON.parse(line.slice(6)) as RunEvent);
    const verdict = events.at(-1);
    if (verdict?.type !== 'sandbox.result' || !verdict.passed) throw new Error(`run failed: ${text.slice(0, 500)}`);
    return elapsed;
  };
  return {
    run,
    async stop() {
      await server.stop();
      await dataDir.remove();
    },
  };
}

async function measureDriver(
  label: string,
  environment: Record<string, string>,
  bare: (command: string[]) => string[],
) {
  const kiln = await startKiln(environment);
  try {
    console.log(`\n${label}: ms, ${samples} runs each, one at a time (p50 / p95)`);
    console.log(
      'language    | Kiln request→verdict | bare sandboxed command | host command | Kiln ÷ bare | added ÷ bare',
    );
    for (const language of (Object.keys(programs) as RunLanguage[]).filter((name) => !only || name === only)) {
      for (let warm = 0; warm < 3; warm += 1) await kiln.run(language);
      const kilnTimes: number[] = [];
      const bareTimes: number[] = [];
      const hostTimes: number[] = [];
      // Interleaved, so a noisy moment weighs on all three alike.
      for (let index = 0; index < samples; index += 1) {
        kilnTimes.push(await kiln.run(language));
        bareTimes.push(await timeCommand(bare(programs[language].bare)));
        hostTimes.push(await timeCommand(programs[language].bare));
      }
      const [k, b, h] = [summary(kilnTimes), summary(bareTimes), summary(hostTimes)];
      console.log(
        `${language.padEnd(11)} | ${format(k.p50)} / ${format(k.p95)}      | ${format(b.p50)} / ${format(b.p95)}        | ` +
          `${format(h.p50)} / ${format(h.p95)} | ${(k.p50 / b.p50).toFixed(2)}×       | ${((k.p50 - b.p50) / b.p50).toFixed(2)}×`,
      );
    }
    const started = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: concurrent }, (_, index) => kiln.run((Object.keys(programs) as RunLanguage[])[index % 4]!)),
    );
    const completed = results.filter((result) => result.status === 'fulfilled').length;
    console.log(
      `${concurrent} runs sent at once: ${completed} completed, ${concurrent - completed} lost, ` +
        `all done in ${(performance.now() - started).toFixed(0)} ms`,
    );
    for (const result of results) if (result.status === 'rejected') console.log(`  ${String(result.reason)}`);
  } finally {
    await kiln.stop();
  }
}

console.log(
  `${os.cpus()[0]?.model ?? 'cpu'} × ${os.availableParallelism()}, Node ${process.version}, ${new Date().toISOString()}`,
);
await measureDriver('bubblewrap', { SANDBOX: 'bubblewrap' }, bareBubblewrap);

if (process.env.BENCH_DOCKER === '1') {
  const { service: podman, reason } = await startPodmanService();
  if (!podman) {
    console.log(`\nDocker driver skipped: ${reason}`);
  } else {
    try {
      const image = 'kiln-sandbox:local';
      const bare = (command: string[]) => [
        'podman',
        '--url',
        podman.dockerHost,
        'run',
        '--rm',
        '--network',
        'none',
        '--user',
        '65534:65534',
        image,
        ...command,
      ];
      await measureDriver('Docker API (Podman)', { SANDBOX: 'docker', DOCKER_HOST: podman.dockerHost }, bare);
    } finally {
      await podman.stop();
    }
  }
}
process.exit(0);
