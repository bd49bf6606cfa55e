import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultSandboxLimits, SandboxUnavailableError, type SandboxExecution } from '../sandbox.ts';
import { DockerSandbox } from './docker-sandbox.ts';

// Nothing listens here: any call to the API fails, which shows what the driver does without one.
const nowhere = `unix://${os.tmpdir()}/kiln-no-docker-${process.pid}.sock`;
const hello: SandboxExecution = {
  runtime: 'shell',
  files: { 'main.sh': 'echo hello' },
  command: ['sh', 'main.sh'],
  limits: defaultSandboxLimits,
};

async function events(run: AsyncIterable<unknown>) {
  const seen: unknown[] = [];
  for await (const event of run) seen.push(event);
  return seen;
}

describe('DockerSandbox without a Docker API', () => {
  it('throws SandboxUnavailableError naming the address', async () => {
    const sandbox = new DockerSandbox({ docker: nowhere });
    expect(sandbox.driver).toBe('docker');
    const run = events(sandbox.run(hello));
    await expect(run).rejects.toThrow(SandboxUnavailableError);
    await expect(run).rejects.toThrow(`the Docker API at ${nowhere} does not answer`);
  });

  it('refuses a file outside the work dir before calling the API', async () => {
    const sandbox = new DockerSandbox({ docker: nowhere });
    const escape = { ...hello, files: { '../outside.sh': 'echo no' } };
    await expect(events(sandbox.run(escape))).rejects.toThrow(/not a file inside the work dir/);
  });

  it('ends an already aborted run with one exit, starting nothing', async () => {
    const sandbox = new DockerSandbox({ docker: nowhere });
    const seen = await events(sandbox.run(hello, AbortSignal.abort()));
    expect(seen).toEqual([
      {
        type: 'exit',
        exit: { exitCode: null, signal: 'SIGKILL', timedOut: false, oom: false, truncated: false, durationMs: 0 },
      },
    ]);
  });
});
