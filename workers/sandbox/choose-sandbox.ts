import type { SandboxConfig } from '../../platform/config/config.ts';
import { BubblewrapSandbox } from './bubblewrap/bubblewrap-sandbox.ts';
import { findBubblewrap } from './bubblewrap/find-bubblewrap.ts';
import { connectDocker, DockerSandbox } from './docker/docker-sandbox.ts';
import { ensureSandboxImage } from './docker/sandbox-image.ts';
import { defaultSandboxLimits, type Sandbox } from './sandbox.ts';

/** The sandbox this process runs code in, or why code execution is off (fail closed: never on the host). */
export type SandboxChoice = { sandbox: Sandbox; detail: string } | { sandbox: undefined; reason: string };

const enableHint = 'install bubblewrap (apt-get install bubblewrap), or set DOCKER_HOST to a Docker or Podman API';

/**
 * Picks the driver SANDBOX asks for (`auto`: Docker when DOCKER_HOST is set, else bubblewrap when installed),
 * then proves it with a real hello-world run, so a driver that is installed but cannot work here (no user
 * namespaces, an API that refuses containers) turns code execution off with its reason instead of failing
 * every run. The Docker driver imports its runner image from this host's runtimes when it is missing.
 */
export async function chooseSandbox(
  settings: Pick<SandboxConfig, 'mode' | 'dockerHost' | 'image'>,
): Promise<SandboxChoice> {
  if (settings.mode === 'off') return { sandbox: undefined, reason: 'code execution is off (SANDBOX=off)' };
  if (settings.mode === 'docker' || (settings.mode === 'auto' && settings.dockerHost)) {
    const host = settings.dockerHost ?? 'unix:///var/run/docker.sock';
    try {
      const docker = connectDocker(host);
      await docker.ping();
      await ensureSandboxImage(docker, settings.image);
      return await proven(
        new DockerSandbox({ docker, image: settings.image }),
        `Docker API at ${host} (${settings.image})`,
      );
    } catch (error) {
      return {
        sandbox: undefined,
        reason: `code execution is off: the Docker API at ${host} cannot run code (${messageOf(error)})`,
      };
    }
  }
  const bubblewrap = await findBubblewrap();
  if (!bubblewrap) {
    return {
      sandbox: undefined,
      reason:
        settings.mode === 'bubblewrap'
          ? 'code execution is off: SANDBOX=bubblewrap but bwrap is not installed (apt-get install bubblewrap)'
          : `code execution is off: no sandbox found (${enableHint})`,
    };
  }
  try {
    return await proven(new BubblewrapSandbox({ bwrapPath: bubblewrap }), `bubblewrap (${bubblewrap})`);
  } catch (error) {
    return {
      sandbox: undefined,
      reason: `code execution is off: bubblewrap cannot run code here (${messageOf(error)})`,
    };
  }
}

/** Runs `echo` through the sandbox; resolves with the choice when it printed what it should, throws otherwise. */
async function proven(sandbox: Sandbox, detail: string): Promise<SandboxChoice> {
  let output = '';
  let exitCode: number | null = null;
  for await (const event of sandbox.run({
    runtime: 'shell',
    files: {},
    command: ['sh', '-c', 'echo kiln-sandbox-ok'],
    limits: { ...defaultSandboxLimits, wallMs: 10_000 },
  })) {
    if (event.type === 'output') output += event.chunk;
    else exitCode = event.exit.exitCode;
  }
  if (exitCode !== 0 || !output.includes('kiln-sandbox-ok')) {
    throw new Error(`a hello-world run ended with exit ${exitCode}: ${output.trim().slice(0, 300) || 'no output'}`);
  }
  return { sandbox, detail };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
