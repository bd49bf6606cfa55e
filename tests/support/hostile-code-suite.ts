import { spawnSync } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defaultSandboxLimits,
  type Sandbox,
  type SandboxEvent,
  type SandboxExecution,
  type SandboxExit,
  type SandboxLimits,
} from '../../workers/sandbox/sandbox.ts';
import { temporaryDirectory } from './temporary-directory.ts';

/** How long past its wall-clock limit a killed run may take to end (killing, tearing down, a slow CI host). */
const slackMs = 3_000;
/** Variables a driver may add to an execution's environment: the port's PATH and HOME, and what runtimes expect. */
const addedVariables = ['PATH', 'HOME', 'LANG', 'PWD', 'HOSTNAME'];

interface Collected {
  stdout: string;
  stderr: string;
  exit: SandboxExit;
  elapsedMs: number;
  /** Host processes whose command line held the run's marker when its `exit` arrived. */
  leftAtExit: string[];
}

/**
 * Hostile programs and the port's contract, against any Sandbox driver; uses nothing but the port. Call it with
 * top-level await from a test file: `await describeHostileCode('docker', async () => new DockerSandbox(...))`.
 *
 * `makeSandbox` resolves a string when the driver cannot run here (bwrap missing, no Docker API): the string is
 * the reason. Then one test is registered that fails with the reason, unless KILN_ALLOW_NO_<DRIVER>
 * (KILN_ALLOW_NO_BUBBLEWRAP, KILN_ALLOW_NO_DOCKER) is set on a machine that cannot have the driver: then it
 * prints the reason with console.warn and passes. It is never a skip, which a summary would not show.
 *
 * Leftover processes are looked for in the host's /proc by a marker each program carries on its command line;
 * with a remote Docker host they are invisible from here, and those checks pass without checking anything.
 */
export async function describeHostileCode(driverName: string, makeSandbox: () => Promise<Sandbox | string>) {
  const made = await makeSandbox();
  if (typeof made === 'string') {
    const allowance = `KILN_ALLOW_NO_${driverName.toUpperCase()}`;
    describe(`${driverName} sandbox`, () => {
      it(`is available here (${allowance}=1 accepts its absence)`, () => {
        if (process.env[allowance] !== '1') {
          throw new Error(`The ${driverName} sandbox cannot run here, so its hostile-code suite did not run: ${made}`);
        }
        console.warn(`The ${driverName} sandbox is not tested (${allowance}=1): ${made}`);
      });
    });
    return;
  }
  const sandbox = made;
  const run = (execution: Partial<SandboxExecution> & Pick<SandboxExecution, 'runtime' | 'command'>, marker = '') =>
    collect(sandbox, { files: {}, ...execution, limits: { ...limits(), ...execution.limits } }, marker);

  describe(`${driverName} sandbox: the port's contract`, () => {
    it.each([
      ['node', 'main.js', "console.log('hello from ' + process.release.name)", ['node', 'main.js'], 'hello from node'],
      [
        'python',
        'main.py',
        "import sys\nprint('hello from', sys.implementation.name)",
        ['python3', 'main.py'],
        'hello from cpython',
      ],
      ['shell', 'main.sh', 'echo "hello from $0"', ['sh', 'main.sh'], 'hello from main.sh'],
    ] as const)('runs hello world in %s', async (runtime, file, code, command, expected) => {
      const { stdout, exit } = await run({ runtime, files: { [file]: code }, command: [...command] });
      expect(stdout).toBe(`${expected}\n`);
      expect(exit).toMatchObject({ exitCode: 0, signal: null, timedOut: false, oom: false, truncated: false });
    });

    it('writes files in sub-folders of the work dir, the program works there and may change them', async () => {
      const { stdout, exit } = await run({
        runtime: 'python',
        files: {
          'main.py': 'from lib.greeting import text\nprint(text)\nopen("lib/out.txt", "w").write("ok")',
          'lib/greeting.py': 'text = "héllo"',
        },
        command: ['python3', 'main.py'],
      });
      expect(stdout).toBe('héllo\n');
      expect(exit.exitCode).toBe(0);
    });

    it('gives the program its stdin, and an empty one when none is given', async () => {
      const echoed = await run({
        runtime: 'python',
        command: ['python3', '-c', 'import sys; print(sys.stdin.read().upper())'],
        stdin: 'héllo\n',
      });
      expect(echoed.stdout).toBe('HÉLLO\n\n');
      const empty = await run({ runtime: 'shell', command: ['cat'] });
      expect(empty).toMatchObject({ stdout: '', exit: { exitCode: 0 } });
    });

    it('reports the exit code, and stderr apart from stdout', async () => {
      const { stdout, stderr, exit } = await run({
        runtime: 'shell',
        command: ['sh', '-c', 'echo out; echo err >&2; exit 7'],
      });
      expect({ stdout, stderr }).toEqual({ stdout: 'out\n', stderr: 'err\n' });
      expect(exit).toMatchObject({ exitCode: 7, signal: null, timedOut: false, oom: false, truncated: false });
    });

    it('keeps the whole output of programs that exit at once, many in a row, four at a time', async () => {
      // A driver that loses the output of a fast exit now and then (Podman closing the attach before it is read)
      // fails here far more often than in any single run.
      const lost: string[] = [];
      for (let round = 0; round < 15; round += 1) {
        const results = await Promise.all(
          [0, 1, 2, 3].map(() => run({ runtime: 'shell', command: ['sh', '-c', 'echo out; echo err >&2; exit 7'] })),
        );
        for (const { stdout, stderr, exit } of results) {
          if (stdout !== 'out\n' || stderr !== 'err\n' || exit.exitCode !== 7) {
            lost.push(JSON.stringify({ stdout, stderr, exitCode: exit.exitCode }));
          }
        }
      }
      expect(lost).toEqual([]);
    }, 120_000);

    it('keeps the output of a program that exits without reading its stdin', async () => {
      const { stdout, exit } = await run({
        runtime: 'shell',
        command: ['sh', '-c', 'echo done'],
        stdin: 'x'.repeat(2 * 1024 * 1024),
      });
      expect({ stdout, exitCode: exit.exitCode }).toEqual({ stdout: 'done\n', exitCode: 0 });
    });

    it('gives the program the given environment and nothing of the host', async () => {
      const { stdout } = await run({
        runtime: 'node',
        command: ['node', '-e', 'console.log(JSON.stringify(process.env))'],
        environment: { KILN_GREETING: 'hi there', EMPTY: '' },
      });
      const environment = JSON.parse(stdout) as Record<string, string>;
      expect(environment).toMatchObject({ KILN_GREETING: 'hi there', EMPTY: '' });
      const extra = Object.keys(environment).filter(
        (name) => !['KILN_GREETING', 'EMPTY', ...addedVariables].includes(name),
      );
      expect(extra).toEqual([]);
    });

    it('delivers characters split across chunks intact', async () => {
      const text = 'héllo wörld ✓ 😀 ';
      const { stdout } = await run({
        runtime: 'python',
        files: {
          'main.py':
            'import sys, time\ndata = sys.argv[1].encode() * 3\n' +
            'for start in range(0, len(data), 5):\n' +
            '    sys.stdout.buffer.write(data[start:start + 5]); sys.stdout.buffer.flush(); time.sleep(0.01)\n',
        },
        command: ['python3', 'main.py', text],
      });
      expect(stdout).toBe(text.repeat(3));
    });

    it('runs four executions in parallel', async () => {
      const results = await Promise.all(
        [0, 1, 2, 3].map((index) =>
          run({ runtime: 'python', command: ['python3', '-c', `import time; time.sleep(0.3); print(${index} * 10)`] }),
        ),
      );
      expect(results.map((result) => [result.stdout, result.exit.exitCode])).toEqual([
        ['0\n', 0],
        ['10\n', 0],
        ['20\n', 0],
        ['30\n', 0],
      ]);
    });

    it('kills the run on abort and still ends with an exit', async () => {
      const marker = sleepMarker();
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 300);
      const started = performance.now();
      const { exit, leftAtExit } = await collect(
        sandbox,
        execution({ runtime: 'shell', command: ['sleep', marker] }),
        marker,
        controller.signal,
      );
      expect(performance.now() - started).toBeLessThan(300 + slackMs);
      expect(exit.timedOut).toBe(false);
      expect(exit.exitCode).not.toBe(0);
      expect(leftAtExit).toEqual([]);
    });

    it('ends the run when the consumer stops reading', async () => {
      const marker = sleepMarker();
      const events = sandbox.run(
        execution({ runtime: 'shell', command: ['sh', '-c', `echo started; sleep ${marker}`] }),
      );
      for await (const event of events) if (event.type === 'output') break;
      expect(await processesMentioning(marker)).toEqual([]);
    });

    it('refuses a file outside the work dir before running anything', async () => {
      const name = `kiln-escape-${randomUUID()}`;
      const attempt = run({ runtime: 'shell', files: { [`../${name}`]: 'x' }, command: ['true'] });
      await expect(attempt).rejects.toThrow();
      expect(existsSync(path.join(os.tmpdir(), name))).toBe(false);
    });
  });

  describe(`${driverName} sandbox: hostile code`, () => {
    const secret = `kiln-secret-${randomUUID()}`;
    let server: net.Server;
    let serverPort = 0;
    let connections = 0;
    let dataDirectory: Awaited<ReturnType<typeof temporaryDirectory>>;
    beforeAll(async () => {
      process.env.KILN_TEST_SECRET = secret;
      server = net.createServer((socket) => {
        connections += 1;
        socket.destroy();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      serverPort = (server.address() as net.AddressInfo).port;
      dataDirectory = await temporaryDirectory('kiln-data');
      await writeFile(path.join(dataDirectory.path, 'secret.txt'), secret);
    });
    afterAll(async () => {
      delete process.env.KILN_TEST_SECRET;
      await new Promise((resolve) => server?.close(resolve));
      await dataDirectory?.remove();
    });

    const connectProgram = [
      "const socket = require('node:net').connect({ host: process.argv[2], port: Number(process.argv[3]) });",
      'socket.setTimeout(1500);',
      "socket.on('connect', () => { console.log('connected'); process.exit(0); });",
      "socket.on('timeout', () => { console.log('blocked: timeout'); process.exit(3); });",
      "socket.on('error', (error) => { console.log('blocked: ' + error.code); process.exit(3); });",
    ].join('\n');

    it('cannot reach the internet', async () => {
      const { stdout, exit } = await run({
        runtime: 'node',
        files: { 'main.js': connectProgram },
        command: ['node', 'main.js', '1.1.1.1', '80'],
      });
      expect(stdout).toMatch(/^blocked: /);
      expect(exit.exitCode).toBe(3);
      const python = await run({
        runtime: 'python',
        command: [
          'python3',
          '-c',
          'import socket\ntry:\n  socket.create_connection(("1.1.1.1", 80), 1.5); print("connected")\n' +
            'except OSError as error: print("blocked", error)',
        ],
      });
      expect(python.stdout).toMatch(/^blocked /);
    });

    it("cannot reach a server on the host's loopback", async () => {
      const { stdout } = await run({
        runtime: 'node',
        files: { 'main.js': connectProgram },
        command: ['node', 'main.js', '127.0.0.1', String(serverPort)],
      });
      expect(stdout).toMatch(/^blocked: /);
      expect(connections).toBe(0);
    });

    it('contains a shell fork bomb, and the host stays responsive', async () => {
      const marker = sleepMarker();
      const { exit, elapsedMs, leftAtExit } = await run(
        {
          runtime: 'shell',
          command: ['bash', '-c', ':(){ :|:& };:; sleep 1000', marker],
          limits: limits({ wallMs: 3_000, processes: 32 }),
        },
        marker,
      );
      expect(exit.timedOut || exit.exitCode !== 0).toBe(true);
      expect(elapsedMs).toBeLessThan(3_000 + slackMs);
      expect(leftAtExit).toEqual([]);
      await expectHostResponsive(run);
    });

    it('stops a Node program spawning children at the process limit', async () => {
      const marker = sleepMarker();
      const program = [
        "const { spawn } = require('node:child_process');",
        'let started = 0;',
        'const next = () => {',
        '  const report = (error) => { console.log(`started ${started} then ${error.code}`); process.exit(1); };',
        '  try {',
        "    const child = spawn('sleep', [process.argv[2]], { stdio: 'ignore' });",
        "    child.on('spawn', () => { started += 1; next(); });",
        "    child.on('error', report);",
        '  } catch (error) { report(error); }',
        '};',
        'next();',
      ].join('\n');
      const { stdout, exit, leftAtExit } = await run(
        {
          runtime: 'node',
          files: { 'main.js': program },
          command: ['node', 'main.js', marker],
          limits: limits({ wallMs: 5_000, processes: 32 }),
        },
        marker,
      );
      const started = Number(/started (\d+) then/.exec(stdout)?.[1] ?? Number.NaN);
      expect(started, stdout).toBeLessThan(32);
      expect(exit.exitCode).not.toBe(0);
      expect(leftAtExit).toEqual([]);
      await expectHostResponsive(run);
    });

    it('times out an infinite loop', async () => {
      const marker = sleepMarker();
      const { exit, elapsedMs, leftAtExit } = await run(
        { runtime: 'node', command: ['node', '-e', 'for (;;) {}', marker], limits: limits({ wallMs: 2_000 }) },
        marker,
      );
      expect(exit).toMatchObject({ timedOut: true, exitCode: null, oom: false, truncated: false });
      expect(elapsedMs).toBeGreaterThanOrEqual(2_000);
      expect(elapsedMs).toBeLessThan(2_000 + slackMs);
      expect(leftAtExit).toEqual([]);
    });

    it('times out a sleep past the wall clock', async () => {
      const marker = sleepMarker();
      const { exit, elapsedMs, leftAtExit } = await run(
        { runtime: 'shell', command: ['sleep', marker], limits: limits({ wallMs: 1_500 }) },
        marker,
      );
      expect(exit).toMatchObject({ timedOut: true, exitCode: null });
      expect(elapsedMs).toBeLessThan(1_500 + slackMs);
      expect(leftAtExit).toEqual([]);
    });

    it.each([
      ['node', ['node', '-e', 'const kept = []; for (;;) kept.push(new Array(1e5).fill(Math.random()))']],
      ['node', ['node', '-e', 'const kept = []; for (;;) kept.push(Buffer.alloc(1e7, 1))']],
      ['python', ['python3', '-c', 'kept = []\nwhile True: kept.append(bytearray(10**7))']],
    ] as const)('ends a %s memory hog as out of memory', async (runtime, command) => {
      const { exit, stderr } = await run({
        runtime,
        command: [...command],
        limits: limits({ memoryBytes: 128 * 1024 * 1024 }),
      });
      expect(exit, stderr.slice(-2_000)).toMatchObject({ oom: true, timedOut: false, truncated: false });
      expect(exit.exitCode).not.toBe(0);
    });

    it.each(['stdout', 'stderr'] as const)('truncates an output flood on %s at the limit', async (stream) => {
      const outputBytes = 64 * 1024;
      const { stdout, stderr, exit, elapsedMs } = await run({
        runtime: 'node',
        // Each write waits for the last: a tight loop would fill the pipe once and then only queue (a timeout).
        command: [
          'node',
          '-e',
          `const text = 'x'.repeat(65536); const write = () => process.${stream}.write(text, write); write()`,
        ],
        limits: limits({ outputBytes }),
      });
      const flooded = stream === 'stdout' ? stdout : stderr;
      expect(exit).toMatchObject({ truncated: true, timedOut: false });
      expect(Buffer.byteLength(flooded)).toBeGreaterThan(0);
      expect(Buffer.byteLength(flooded)).toBeLessThanOrEqual(outputBytes);
      expect(elapsedMs).toBeLessThan(limits().wallMs);
    });

    it('cannot read /etc/shadow', async () => {
      const { stdout } = await run({ runtime: 'shell', command: ['sh', '-c', 'cat /etc/shadow; cat /etc/gshadow'] });
      expect(stdout).not.toMatch(/^root:/m);
    });

    it("cannot see Kiln's data dir", async () => {
      const program = [
        'import os, sys',
        'folder = sys.argv[1]',
        'try: print("listed", os.listdir(folder))',
        'except OSError as error: print("cannot list:", error.strerror)',
        'try: print("read", open(os.path.join(folder, "secret.txt")).read())',
        'except OSError as error: print("cannot read:", error.strerror)',
      ].join('\n');
      const { stdout } = await run({ runtime: 'python', command: ['python3', '-c', program, dataDirectory.path] });
      expect(stdout).not.toContain(secret);
      expect(stdout).not.toContain('listed');
    });

    it("cannot read a .env in the host's working directory", async () => {
      const folder = await temporaryDirectory('kiln-cwd');
      const previous = process.cwd();
      try {
        await writeFile(path.join(folder.path, '.env'), `API_KEY=${secret}\n`);
        process.chdir(folder.path);
        const { stdout } = await run({
          runtime: 'shell',
          command: ['sh', '-c', 'cat .env ../.env ../../.env "$0/.env"; pwd; ls -a', folder.path],
        });
        expect(stdout).not.toContain(secret);
      } finally {
        process.chdir(previous);
        await folder.remove();
      }
    });

    it("sees none of the host's environment, even in /proc", async () => {
      const { stdout, stderr } = await run({
        runtime: 'shell',
        command: ['sh', '-c', 'cat /proc/1/environ /proc/self/environ /proc/*/environ /proc/*/cmdline; env'],
      });
      expect(stdout + stderr).not.toContain(secret);
    });

    it('cannot write outside its work dir', async () => {
      const marker = `kiln-${randomUUID()}`;
      const hostFolder = await temporaryDirectory('kiln-host');
      try {
        const targets = ['/usr', '/tmp/../etc', hostFolder.path, '/', '/tmp', '/work/..', '/dev', '/proc'].map(
          (folder) => `${folder}/${marker}`,
        );
        const program = [
          'import sys',
          'for target in sys.argv[1:]:',
          '    try: open(target, "w").write("x"); print("wrote", target)',
          '    except OSError as error: print("cannot write", target, error.strerror)',
        ].join('\n');
        await run({ runtime: 'python', command: ['python3', '-c', program, ...targets] });
        const onHost = ['/usr', '/etc', hostFolder.path, '/', os.tmpdir(), '/dev'].map((folder) =>
          path.join(folder, marker),
        );
        expect(onHost.filter((file) => existsSync(file))).toEqual([]);
      } finally {
        await hostFolder.remove();
      }
    });

    it('leaves no background process behind', async () => {
      const marker = sleepMarker();
      const { stdout, exit, leftAtExit } = await run(
        { runtime: 'shell', command: ['sh', '-c', `sleep ${marker} & echo started; exit 0`] },
        marker,
      );
      expect(stdout).toBe('started\n');
      expect(exit.exitCode).toBe(0);
      expect(leftAtExit).toEqual([]);
    });
  });
}

function limits(overrides: Partial<SandboxLimits> = {}): SandboxLimits {
  return { ...defaultSandboxLimits, wallMs: 5_000, ...overrides };
}

function execution(parts: Pick<SandboxExecution, 'runtime' | 'command'>): SandboxExecution {
  return { files: {}, limits: limits(), ...parts };
}

/** A sleep duration no other process has on its command line: the marker of one run's processes. */
function sleepMarker() {
  return `${randomInt(900, 999)}.${randomInt(1e8, 1e9 - 1)}`;
}

/** Runs to the end, checking the port's event order: output, then exactly one exit, last. */
async function collect(
  sandbox: Sandbox,
  execution: SandboxExecution,
  marker: string,
  signal?: AbortSignal,
): Promise<Collected> {
  const started = performance.now();
  const events: SandboxEvent[] = [];
  let leftAtExit: string[] = [];
  for await (const event of sandbox.run(execution, signal)) {
    events.push(event);
    if (event.type === 'exit' && marker) leftAtExit = await processesMentioning(marker);
  }
  const elapsedMs = performance.now() - started;
  const exits = events.filter((event) => event.type === 'exit');
  expect(exits).toHaveLength(1);
  expect(events.at(-1)?.type).toBe('exit');
  const text = (stream: 'stdout' | 'stderr') =>
    events.map((event) => (event.type === 'output' && event.stream === stream ? event.chunk : '')).join('');
  return { stdout: text('stdout'), stderr: text('stderr'), exit: exits[0]!.exit, elapsedMs, leftAtExit };
}

/** Command lines of live host processes that contain `marker`. */
async function processesMentioning(marker: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const commandLine = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (commandLine.includes(marker)) found.push(`${entry}: ${commandLine.replaceAll('\0', ' ')}`);
  }
  return found;
}

/** The host still starts a process at once, and the sandbox still runs code. */
async function expectHostResponsive(
  run: (execution: Pick<SandboxExecution, 'runtime' | 'command'>) => Promise<Collected>,
) {
  const started = performance.now();
  expect(spawnSync('true').status).toBe(0);
  expect(performance.now() - started).toBeLessThan(1_000);
  const { stdout, stderr, exit } = await run({ runtime: 'shell', command: ['echo', 'still here'] });
  expect(stdout, `the next run after it: ${JSON.stringify({ exit, stderr })}`).toBe('still here\n');
}
