import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { sandboxLabel } from '../../workers/sandbox/docker/container-options.ts';
import { connectDocker, DockerSandbox } from '../../workers/sandbox/docker/docker-sandbox.ts';
import { ensureSandboxImage } from '../../workers/sandbox/docker/sandbox-image.ts';
import {
  defaultSandboxLimits,
  SandboxUnavailableError,
  type SandboxEvent,
  type SandboxExecution,
  type SandboxExit,
  type SandboxLimits,
} from '../../workers/sandbox/sandbox.ts';
import { describeHostileCode } from '../support/hostile-code-suite.ts';
import { startPodmanService } from '../support/podman-service.ts';

// The Docker driver against hostile code and the port's contract (tests/support/hostile-code-suite.ts), then what is
// its own, all on a throwaway Podman Docker-API service with the runner image imported into it once. Where Podman
// cannot run, the first test fails saying why, unless KILN_ALLOW_NO_PODMAN=1 (then it logs the reason).

// Set before anything starts, so that a leak of the host's environment anywhere would carry it into a run.
const secret = `kiln-secret-${randomBytes(8).toString('hex')}`;
process.env.KILN_TEST_SECRET = secret;

const podman = await startDockerApi();
afterAll(async () => {
  await podman.service?.stop();
}, 60_000);

describe('a Podman Docker API to test DockerSandbox against', () => {
  it('is available (KILN_ALLOW_NO_PODMAN=1 accepts its absence)', () => {
    if (podman.service) return;
    if (process.env.KILN_ALLOW_NO_PODMAN === '1') {
      console.warn(`\n*** DockerSandbox integration tests NOT RUN: ${podman.reason} (KILN_ALLOW_NO_PODMAN=1) ***\n`);
      return;
    }
    expect.fail(`DockerSandbox integration tests cannot run: ${podman.reason}. Set KILN_ALLOW_NO_PODMAN=1 to accept.`);
  });
});

await describeHostileCode('docker', async () => podman.sandbox ?? podman.reason);

/** The Podman service with the image imported, or why not. */
async function startDockerApi() {
  const started = await startPodmanService();
  if (!started.service) return { reason: started.reason };
  const { service } = started;
  try {
    const docker = connectDocker(service.dockerHost);
    const startedAt = Date.now();
    const image = await ensureSandboxImage(docker);
    console.log(`${service.description}; ${image.image} imported in ${Date.now() - startedAt} ms`);
    return { service, docker, sandbox: new DockerSandbox({ docker, image: image.image }) };
  } catch (error) {
    await service.stop();
    return { reason: `the runner image could not be imported: ${error instanceof Error ? error.message : error}` };
  }
}

interface Outcome {
  stdout: string;
  stderr: string;
  exit: SandboxExit;
  events: SandboxEvent[];
}

async function collect(events: AsyncIterable<SandboxEvent>): Promise<Outcome> {
  const seen: SandboxEvent[] = [];
  for await (const event of events) seen.push(event);
  const exits = seen.filter((event) => event.type === 'exit');
  expect(exits, 'exactly one exit, last').toHaveLength(1);
  expect(seen.at(-1)?.type).toBe('exit');
  const text = (stream: 'stdout' | 'stderr') =>
    seen.map((event) => (event.type === 'output' && event.stream === stream ? event.chunk : '')).join('');
  return { stdout: text('stdout'), stderr: text('stderr'), exit: exits[0]!.exit, events: seen };
}

type Program = Pick<SandboxExecution, 'runtime' | 'files' | 'command'>;

const programs = {
  node: (code: string): Program => ({ runtime: 'node', files: { 'main.js': code }, command: ['node', 'main.js'] }),
  python: (code: string): Program => ({
    runtime: 'python',
    files: { 'main.py': code },
    command: ['python3', '-I', '-B', 'main.py'],
  }),
  shell: (code: string): Program => ({ runtime: 'shell', files: { 'main.sh': code }, command: ['sh', 'main.sh'] }),
};

function execution(
  program: Program,
  extra: { limits?: Partial<SandboxLimits>; stdin?: string; environment?: Record<string, string> } = {},
): SandboxExecution {
  return { ...program, ...extra, limits: { ...defaultSandboxLimits, wallMs: 15_000, ...extra.limits } };
}

/** Processes of nobody still running in a Podman container's cgroup on this host. */
async function sandboxProcessesOnHost() {
  const left: string[] = [];
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const [status, cgroup] = await Promise.all([
      readFile(`/proc/${pid}/status`, 'utf8').catch(() => ''),
      readFile(`/proc/${pid}/cgroup`, 'utf8').catch(() => ''),
    ]);
    if (/^Uid:\s+65534\b/m.test(status) && cgroup.includes('libpod')) left.push(pid);
  }
  return left;
}

describe.runIf(podman.sandbox)('docker sandbox: the driver', () => {
  const docker = podman.docker!;
  const sandbox = podman.sandbox!;

  afterEach(async () => {
    const left = await docker.listContainers({ all: true, filters: { label: [sandboxLabel] } });
    expect(
      left.map((container) => container.Id),
      'containers left after the run',
    ).toEqual([]);
    expect(await sandboxProcessesOnHost(), 'sandbox processes left on the host').toEqual([]);
  });

  it('puts every file in the work dir, and the work dir is writable and executable', async () => {
    const files = {
      'main.sh': 'cat "lib/it\'s ünicode.txt"; echo "echo ran" > tool.sh; sh tool.sh; pwd; ls -a',
      "lib/it's ünicode.txt": 'ünïcödé ✓\n',
    };
    const outcome = await collect(sandbox.run(execution({ runtime: 'shell', files, command: ['sh', 'main.sh'] })));
    expect(outcome.stdout).toBe('ünïcödé ✓\nran\n/work\n.\n..\nlib\nmain.sh\ntool.sh\n');
    expect(outcome.exit.exitCode).toBe(0);
  });

  it('gives the run exactly its environment with PATH, HOME and LANG: nothing the engine adds', async () => {
    // Printed by node: sh would add its own PWD.
    const code = 'for (const [name, value] of Object.entries(process.env).sort()) console.log(`${name}=${value}`)';
    const outcome = await collect(sandbox.run(execution(programs.node(code), { environment: { GREETING: 'hi' } })));
    expect(outcome.stdout).toBe('GREETING=hi\nHOME=/tmp\nLANG=C.UTF-8\nPATH=/usr/bin:/bin\n');
    expect(outcome.stdout).not.toContain(secret);
  });

  it('runs as nobody on a read-only root; only the work dir and /tmp are writable', async () => {
    const attempts = ['/etc/kiln', '/usr/bin/kiln', '/kiln', '/var/tmp/kiln', '/run/kiln', '/work/ok', '/tmp/ok'];
    const writes = attempts.map((file) => `(echo x > ${file}) 2>/dev/null && echo "wrote ${file}"`).join('\n');
    // nobody owns nothing in the image, so the mount table shows the read-only root behind that.
    const code = `id\n${writes}\ngrep ' / / ' /proc/self/mountinfo | cut -d' ' -f6`;
    const outcome = await collect(sandbox.run(execution(programs.shell(code))));
    expect(outcome.stdout).toMatch(
      /^uid=65534\(nobody\) gid=65534\(nogroup\)[^\n]*\nwrote \/work\/ok\nwrote \/tmp\/ok\nro(,\S*)?\n$/,
    );
  });

  it('applies the limits: memory without swap, processes, one CPU and the rlimits', async () => {
    const code = [
      'c=/sys/fs/cgroup',
      'if [ -f $c/memory.max ]; then cat $c/memory.max $c/memory.swap.max $c/pids.max $c/cpu.max',
      'else cat $c/memory/memory.limit_in_bytes $c/memory/memory.memsw.limit_in_bytes $c/pids/pids.max',
      '  echo "$(cat $c/cpu/cpu.cfs_quota_us) $(cat $c/cpu/cpu.cfs_period_us)"; fi',
      'ulimit -n; ulimit -t; ulimit -Ht; ulimit -f',
    ].join('\n');
    const memoryBytes = 96 * 1024 * 1024;
    const limits = { memoryBytes, processes: 40, openFiles: 128, cpuSeconds: 7, fileSizeBytes: 1024 * 1024 };
    const outcome = await collect(sandbox.run(execution(programs.shell(code), { limits })));
    const [memory, swap, processes, cpu, ...rlimits] = outcome.stdout.trim().split('\n');
    expect(Number(memory)).toBe(memoryBytes);
    // cgroup v2 shows the swap allowed (none); v1 memory and swap together (the memory alone).
    expect(['0', String(memoryBytes)]).toContain(swap);
    expect(processes).toBe('40');
    expect(cpu).toBe('100000 100000');
    // dash counts file sizes in 512-byte blocks.
    expect(rlimits).toEqual(['128', '7', '8', String((1024 * 1024) / 512)]);
  });

  it('cannot reach the host on its other addresses either', async () => {
    const server = net.createServer((socket) => socket.on('error', () => {}).end('reached the host\n'));
    let connections = 0;
    server.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
    const { port } = server.address() as net.AddressInfo;
    const targets = Object.values(os.networkInterfaces())
      .flat()
      .filter((address) => address?.family === 'IPv4' && !address.internal)
      .map((address) => [address!.address, port]);
    try {
      const code = `
        const net = require('net');
        for (const [host, port] of ${JSON.stringify(targets)}) {
          const socket = net.connect({ host, port, timeout: 3000 });
          socket.on('connect', () => { console.log('CONNECTED', host); socket.destroy(); });
          socket.on('timeout', () => { console.log('TIMEOUT', host); socket.destroy(); });
          socket.on('error', (error) => console.log('FAILED', host, error.code));
        }`;
      const outcome = await collect(sandbox.run(execution(programs.node(code))));
      expect(outcome.stdout).not.toMatch(/CONNECTED/);
      expect(outcome.stdout.match(/FAILED|TIMEOUT/g) ?? []).toHaveLength(targets.length);
      expect(connections).toBe(0);
    } finally {
      server.close();
    }
  });

  it('reports an out-of-memory kill, and a run killed for its output or time is not one', async () => {
    const hog = 'chunks = []\nwhile True:\n  chunks.append(b"x" * 1_000_000)\n';
    const oom = await collect(
      sandbox.run(execution(programs.python(hog), { limits: { memoryBytes: 64 * 1024 * 1024 } })),
    );
    expect(oom.exit).toMatchObject({ exitCode: null, signal: 'SIGKILL', oom: true, timedOut: false });
    const flood = await collect(sandbox.run(execution(programs.shell('yes'), { limits: { outputBytes: 65_536 } })));
    expect(flood.exit).toMatchObject({ truncated: true, signal: 'SIGKILL', oom: false, timedOut: false });
    expect(flood.stdout).toHaveLength(65_536);
  });

  it('throws SandboxUnavailableError before any event without an API or an image', async () => {
    const nowhere = new DockerSandbox({ docker: `unix://${os.tmpdir()}/kiln-no-such-docker.sock` });
    const neverRun = nowhere.run(execution(programs.shell('echo never')));
    const first = neverRun[Symbol.asyncIterator]().next();
    await expect(first).rejects.toThrow(SandboxUnavailableError);
    await expect(first).rejects.toThrow(/does not answer/);
    const noImage = new DockerSandbox({ docker, image: 'kiln-sandbox:missing' });
    const notRun = noImage.run(execution(programs.shell('echo never')));
    const run = notRun[Symbol.asyncIterator]().next();
    await expect(run).rejects.toThrow(SandboxUnavailableError);
    await expect(run).rejects.toThrow(/image kiln-sandbox:missing not found.*npm run sandbox:image/);
  });

  it('imports the image only once', async () => {
    const started = Date.now();
    expect(await ensureSandboxImage(docker)).toEqual({ image: 'kiln-sandbox:local', imported: false });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('left no container behind after every run of this file', async () => {
    // Runs last: the hostile suite's runs included. afterEach does the checking.
  });
});
