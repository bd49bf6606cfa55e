import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import http from 'node:http';
import type { ReadinessCheck } from '../../platform/infrastructure/readiness.ts';

export type SandboxMode = 'auto' | 'bubblewrap' | 'docker' | 'off';

/** Where bubblewrap is installed by distribution packages. */
const bubblewrapPaths = ['/usr/bin/bwrap', '/usr/local/bin/bwrap', '/bin/bwrap'];

/**
 * Which sandbox would run code: Docker (or Podman's Docker API) when
 * DOCKER_HOST is set or SANDBOX=docker, else bubblewrap when installed. With
 * none, code execution is off (fail closed) and the detail says how to turn
 * it on. Never required: chat works without execution.
 */
export function sandboxReadinessCheck(settings: { mode: SandboxMode; dockerHost: string | undefined }): ReadinessCheck {
  return {
    name: 'sandbox',
    required: false,
    async run() {
      if (settings.mode === 'off') return { ok: false, detail: 'code execution is off (SANDBOX=off)' };
      if (settings.mode === 'docker' || (settings.mode === 'auto' && settings.dockerHost)) {
        const host = settings.dockerHost ?? 'unix:///var/run/docker.sock';
        const version = await dockerVersion(host).catch((error: unknown) => error as Error);
        if (version instanceof Error) {
          return {
            ok: false,
            detail: `code execution is off: the Docker API at ${host} does not answer (${version.message})`,
          };
        }
        return { ok: true, detail: `Docker API at ${host} (${version})` };
      }
      const bubblewrap = await firstExecutable(bubblewrapPaths);
      if (bubblewrap) return { ok: true, detail: `bubblewrap (${bubblewrap})` };
      return {
        ok: false,
        detail:
          settings.mode === 'bubblewrap'
            ? 'code execution is off: SANDBOX=bubblewrap but bwrap is not installed (apt-get install bubblewrap)'
            : 'code execution is off: no sandbox found (install bubblewrap, or set DOCKER_HOST to a Docker or Podman API)',
      };
    },
  };
}

async function firstExecutable(candidates: string[]) {
  for (const candidate of candidates) {
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // try the next
    }
  }
  return undefined;
}

/** GET /version on a Docker-compatible API over a unix socket or TCP; resolves with "<Server> <Version>". */
function dockerVersion(dockerHost: string): Promise<string> {
  const url = new URL(dockerHost);
  const target =
    url.protocol === 'unix:' ? { socketPath: url.pathname } : { host: url.hostname, port: Number(url.port || 2375) };
  return new Promise((resolve, reject) => {
    const request = http.get({ ...target, path: '/version', timeout: 2_000 }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        try {
          const parsed = JSON.parse(body) as { Version?: string; Components?: { Name?: string }[] };
          resolve(`${parsed.Components?.[0]?.Name ?? 'Engine'} ${parsed.Version ?? 'unknown version'}`);
        } catch {
          reject(new Error(`unexpected answer (HTTP ${response.statusCode})`));
        }
      });
    });
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', reject);
  });
}
