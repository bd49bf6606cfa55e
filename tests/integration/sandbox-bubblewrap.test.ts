import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { BubblewrapSandbox } from '../../workers/sandbox/bubblewrap/bubblewrap-sandbox.ts';
import { findBubblewrap } from '../../workers/sandbox/bubblewrap/find-bubblewrap.ts';
import {
  defaultSandboxLimits,
  SandboxUnavailableError,
  type Sandbox,
  type SandboxExecution,
} from '../../workers/sandbox/sandbox.ts';
import { describeHostileCode } from '../support/hostile-code-suite.ts';
import { temporaryDirectory } from '../support/temporary-directory.ts';

// The bubblewrap driver against hostile code and the port's contract (tests/support/hostile-code-suite.ts), then
// what is its own. Where bubblewrap cannot run, one test says why; KILN_REQUIRE_BUBBLEWRAP=1 makes that a failure.

const uids = { first: 61_000, count: 64 };
const availability = await bubblewrapAvailability();
await describeHostileCode('bubblewrap', async () => availability ?? new BubblewrapSandbox({ uids }));

const hello: SandboxExecution = {
  runtime: 'shell',
  files: {},
  command: ['echo', 'hello'],
  limits: { ...defaultSandboxLimits, wallMs: 5_000 },
};

describe.skipIf(availability !== undefined)('bubblewrap sandbox: the driver', () => {
  it('says bubblewrap is unavailable, before yielding anything, when bwrap is missing', async () => {
    const sandbox = new BubblewrapSandbox({ bwrapPath: '/nonexistent/bwrap', uids });
    await expect(firstEvent(sandbox, hello)).rejects.toThrow(SandboxUnavailableError);
  });

  it('says the sandbox is unavailable when prlimit is missing', async () => {
    const sandbox = new BubblewrapSandbox({ prlimitPath: '/nonexistent/prlimit', uids });
    await expect(firstEvent(sandbox, hello)).rejects.toThrow(/prlimit/);
  });

  it.runIf(process.getuid?.() === 0)(
    'says the sandbox could not be set up, rather than failing the program, when the run uid cannot reach its folder',
    async () => {
      const root = await temporaryDirectory('kiln-closed', 0o700);
      try {
        const sandbox = new BubblewrapSandbox({ workRoot: root.path, uids });
        const failure = await firstEvent(sandbox, hello).catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(SandboxUnavailableError);
        expect(String(failure)).toMatch(/bubblewrap could not set up the sandbox: bwrap: /);
      } finally {
        await root.remove();
      }
    },
  );

  it.runIf(process.getuid?.() === 0)(
    'runs each concurrent run as its own host uid, and leaves none of its processes',
    async () => {
      const sandbox = new BubblewrapSandbox({ uids });
      const markers = ['first', 'second', 'third'].map((name) => `kiln-run-${name}-${process.pid}`);
      const runs = Promise.all(
        markers.map((marker) => outputOf(sandbox, { ...hello, command: ['sh', '-c', 'sleep 1.5', marker] })),
      );
      await new Promise((resolve) => setTimeout(resolve, 700));
      const hostUids = await Promise.all(markers.map((marker) => realUidOf(marker)));
      await runs;
      expect(new Set(hostUids).size).toBe(3);
      for (const uid of hostUids) {
        expect(uid).toBeGreaterThanOrEqual(uids.first);
        expect(uid).toBeLessThan(uids.first + uids.count);
      }
      expect(await liveProcessesOf(hostUids)).toEqual([]);
    },
  );

  it('runs as nobody with a read-only root, and sees only the chosen /etc files', async () => {
    const sandbox = new BubblewrapSandbox({ uids });
    const text = await outputOf(sandbox, {
      ...hello,
      command: ['sh', '-c', 'id -u; id -un; echo ---; ls /etc; echo ---; touch /x /usr/x 2>&1; echo ---; hostname'],
    });
    const [user, etc, writes, hostname] = text.split('---\n').map((part) => part.trim().split('\n'));
    expect(user).toEqual(['65534', 'sandbox']);
    expect(etc).toEqual(['alternatives', 'group', 'ld.so.cache', 'localtime', 'passwd']);
    expect(writes).toEqual([
      "touch: cannot touch '/x': Read-only file system",
      "touch: cannot touch '/usr/x': Read-only file system",
    ]);
    expect(hostname).toEqual(['kiln-sandbox']);
  });

  it('adds only PATH, HOME and LANG to the given environment, and lets the execution set them', async () => {
    const sandbox = new BubblewrapSandbox({ uids });
    const print = ['node', '-e', 'console.log(JSON.stringify(process.env))'];
    const added = JSON.parse(
      await outputOf(sandbox, { ...hello, runtime: 'node', command: print, environment: { A: '1' } }),
    );
    expect(added).toEqual({ A: '1', PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/work', LANG: 'C.UTF-8' });
    const given = { PATH: '/usr/bin', HOME: '/tmp', LANG: 'C' };
    expect(
      JSON.parse(await outputOf(sandbox, { ...hello, runtime: 'node', command: print, environment: given })),
    ).toEqual(given);
  });

  it('bounds the private tmpfs, so a run cannot fill the host with files', async () => {
    const sandbox = new BubblewrapSandbox({ uids, scratchBytes: 4 * 1024 * 1024 });
    const text = await outputOf(sandbox, {
      ...hello,
      command: ['sh', '-c', 'head -c 8000000 /dev/zero > big; echo $?; wc -c < big'],
    });
    const [status, size] = text.trim().split('\n').slice(-2);
    expect(status).not.toBe('0');
    expect(Number(size)).toBeLessThanOrEqual(4 * 1024 * 1024);
  });

  it('cannot create user namespaces inside the sandbox', async () => {
    const sandbox = new BubblewrapSandbox({ uids });
    const text = await outputOf(sandbox, {
      ...hello,
      command: ['sh', '-c', 'unshare -U true 2>/dev/null && echo created || echo refused'],
    });
    // Only the verdict: unshare's own message (EPERM, or ENOSPC when the host's namespace count is at its limit)
    // goes to stderr, which may interleave with stdout either way.
    expect(text.trim().split('\n').at(-1)).toBe('refused');
  });
});

/** Why bubblewrap cannot run here, found without the driver (whose own failures must not read as unavailable). */
async function bubblewrapAvailability(): Promise<string | undefined> {
  if (!(await findBubblewrap())) return 'bwrap is not installed (apt-get install bubblewrap)';
  // bwrap runs unprivileged (as a run uid when Kiln is root), so it needs unprivileged user namespaces.
  const asRunUser =
    process.getuid?.() === 0 ? ['--reuid', String(uids.first), '--regid', String(uids.first), '--clear-groups'] : [];
  const probe = spawnSync('setpriv', [...asRunUser, 'unshare', '--user', 'true']);
  if (probe.status !== 0) return `unprivileged user namespaces are not available: ${probe.stderr?.toString().trim()}`;
  return undefined;
}

async function firstEvent(sandbox: Sandbox, execution: SandboxExecution) {
  for await (const event of sandbox.run(execution)) return event;
  return undefined;
}

async function outputOf(sandbox: Sandbox, execution: SandboxExecution) {
  let text = '';
  for await (const event of sandbox.run(execution)) if (event.type === 'output') text += event.chunk;
  return text;
}

/** The host's real uid of the process whose command line holds `marker`. */
async function realUidOf(marker: string) {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const commandLine = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (!commandLine.includes(marker)) continue;
    const status = await readFile(`/proc/${entry}/status`, 'utf8');
    return Number(/^Uid:\s*(\d+)/m.exec(status)?.[1]);
  }
  return undefined;
}

/** Host processes (not zombies) whose real uid is one of `uids`. */
async function liveProcessesOf(hostUids: (number | undefined)[]) {
  const found: string[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const status = await readFile(`/proc/${entry}/status`, 'utf8').catch(() => '');
    const uid = Number(/^Uid:\s*(\d+)/m.exec(status)?.[1]);
    if (hostUids.includes(uid) && !/^State:\s*Z/m.test(status)) found.push(`${entry} (uid ${uid})`);
  }
  return found;
}
