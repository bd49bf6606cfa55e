import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { temporaryDirectory } from './temporary-directory.ts';

export interface PodmanService {
  /** The service's address as a DOCKER_HOST value: `unix:///…/api.sock`. */
  dockerHost: string;
  /** Storage driver and OCI runtime it ended up with, for the test log. */
  description: string;
  /** Removes every container left, stops the service and deletes its storage. */
  stop(): Promise<void>;
}

export type PodmanStart = { service: PodmanService; reason?: undefined } | { service?: undefined; reason: string };

const podmanPaths = ['/usr/bin/podman', '/usr/local/bin/podman'];
const runtimePaths = { runc: ['/usr/sbin/runc', '/usr/bin/runc'], crun: ['/usr/bin/crun'] };
const startTimeoutMs = 20_000;

/**
 * A throwaway Podman Docker-API service, as root, all its state in a temp dir (storage, run state, locks,
 * config), so tests neither need nor touch the machine's containers. It runs `podman system service` with a
 * containers.conf of its own: runc (crun 1.8 refuses the hybrid cgroup v1 hosts CI runs on), cgroupfs, events
 * to a file, and default rlimits for nofile/nproc that a root without CAP_SYS_RESOURCE may set. overlay storage
 * is tried first, then vfs. Never throws: when Podman is missing or cannot start, resolves with the reason.
 */
export async function startPodmanService(): Promise<PodmanStart> {
  const podman = podmanPaths.find((candidate) => existsSync(candidate));
  if (!podman) return { reason: 'podman is not installed (apt-get install podman runc)' };
  const runtime = (['runc', 'crun'] as const).find((name) => runtimePaths[name].some((path) => existsSync(path)));
  if (!runtime) return { reason: 'no OCI runtime for podman (apt-get install runc)' };
  if (runtime === 'crun' && existsSync('/sys/fs/cgroup/unified')) {
    return { reason: 'crun cannot start containers on this hybrid cgroup v1 host (apt-get install runc)' };
  }
  const reasons: string[] = [];
  for (const storageDriver of ['overlay', 'vfs']) {
    const started = await startWith(podman, runtime, storageDriver);
    if (started.service) return started;
    reasons.push(`${storageDriver} storage: ${started.reason}`);
  }
  return { reason: `podman system service did not start (${reasons.join('; ')})` };
}

async function startWith(podman: string, runtime: string, storageDriver: string): Promise<PodmanStart> {
  const directory = await temporaryDirectory('kiln-podman', 0o700);
  const at = (name: string) => `${directory.path}/${name}`;
  await mkdir(at('tmp'));
  await writeFile(at('containers.conf'), containersConf(runtime, at));
  const storage = `[storage]\ndriver = "${storageDriver}"\nrunroot = "${at('runroot')}"\ngraphroot = "${at('root')}"\n`;
  await writeFile(at('storage.conf'), storage);
  await writeFile(at('registries.conf'), 'unqualified-search-registries = []\n');
  const socket = at('api.sock');
  const storageFlags = ['--root', at('root'), '--runroot', at('runroot'), '--storage-driver', storageDriver];
  // Idle for 10 minutes, it exits by itself: a crashed test process does not leave it running forever.
  const child = spawn(podman, [...storageFlags, 'system', 'service', '--time=600', `unix://${socket}`], {
    // Its own directory as the working directory: conmon writes an `oom` marker file into the working directory
    // of an out-of-memory container's monitor, which was the repository root (the stray `oom` file).
    cwd: directory.path,
    env: {
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      CONTAINERS_CONF: at('containers.conf'),
      CONTAINERS_STORAGE_CONF: at('storage.conf'),
      CONTAINERS_REGISTRIES_CONF: at('registries.conf'),
      TMPDIR: at('tmp'),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (log = (log + chunk).slice(-4_000)));
  let exited: string | undefined;
  child.on('exit', (code, signal) => (exited = `exited with ${signal ?? code}`));
  child.on('error', (error) => (exited = error.message));
  const answer = await waitForPing(socket, () => exited);
  if (answer !== 'OK') {
    await stopProcess(child);
    await directory.remove().catch(() => {});
    return { reason: `${answer}: ${log.trim().split('\n').slice(-3).join(' | ') || 'no output'}` };
  }
  return {
    service: {
      dockerHost: `unix://${socket}`,
      description: `podman system service, ${storageDriver} storage, ${runtime}, in ${directory.path}`,
      async stop() {
        await removeAllContainers(socket).catch(() => {});
        await stopProcess(child);
        await unmountUnder(directory.path);
        await directory.remove();
      },
    },
  };
}

function containersConf(runtime: string, at: (name: string) => string) {
  return [
    '[containers]',
    'default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]',
    '[engine]',
    `runtime = "${runtime}"`,
    'cgroup_manager = "cgroupfs"',
    'events_logger = "file"',
    `events_logfile_path = "${at('events.log')}"`,
    'lock_type = "file"',
    `tmp_dir = "${at('libpod')}"`,
    `static_dir = "${at('root/libpod')}"`,
    `volume_path = "${at('volumes')}"`,
    `image_copy_tmp_dir = "${at('tmp')}"`,
    '[network]',
    `network_config_dir = "${at('networks')}"`,
    '',
  ].join('\n');
}

/** 'OK' once the service answers, else why not: the process ended, or the start timed out. */
async function waitForPing(socketPath: string, exited: () => string | undefined) {
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    const answer = await request(socketPath, 'GET', '/_ping').catch(() => undefined);
    if (answer === 'OK') return answer;
    const ending = exited();
    if (ending) return ending;
    await delay(100);
  }
  return `no answer to /_ping in ${startTimeoutMs / 1000} s`;
}

function request(socketPath: string, method: string, path: string) {
  return new Promise<string>((resolve, reject) => {
    const call = http.request({ socketPath, method, path, timeout: 5_000 }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve(body));
    });
    call.on('timeout', () => call.destroy(new Error('timed out')));
    call.on('error', reject);
    call.end();
  });
}

async function removeAllContainers(socketPath: string) {
  const containers = JSON.parse(await request(socketPath, 'GET', '/containers/json?all=1')) as { Id: string }[];
  for (const { Id } of containers) await request(socketPath, 'DELETE', `/containers/${Id}?force=1`);
}

async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  if ((await Promise.race([exited, delay(5_000, 'timeout')])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

/** Podman leaves its storage's overlay mounts behind; unmount them (deepest first) so the dir can go. */
async function unmountUnder(directory: string) {
  const mountInfo = await readFile('/proc/self/mountinfo', 'utf8');
  const mountPoints = mountInfo
    .split('\n')
    .map((line) => line.split(' ')[4]?.replace(/\\040/g, ' '))
    .filter((mountPoint): mountPoint is string => !!mountPoint?.startsWith(`${directory}/`))
    .sort((a, b) => b.length - a.length);
  for (const mountPoint of mountPoints) {
    await new Promise((resolve) => spawn('umount', ['-l', mountPoint], { stdio: 'ignore' }).on('close', resolve));
  }
}
