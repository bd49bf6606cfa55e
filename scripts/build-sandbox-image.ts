// `node --import tsx scripts/build-sandbox-image.ts [--force] [--image <name>]`: builds the Docker sandbox's runner
// image from this machine's node, python3 and shell and imports it into the Docker or Podman API at DOCKER_HOST
// (default unix:///var/run/docker.sock). Nothing is pulled from a registry. Without --force an existing image is
// kept. Podman as root: `podman system service --time=0 unix:///run/podman/podman.sock` and
// DOCKER_HOST=unix:///run/podman/podman.sock.
import { connectDocker, defaultDockerHost, describeDocker } from '../workers/sandbox/docker/connect-docker.ts';
import { defaultSandboxImage, ensureSandboxImage } from '../workers/sandbox/docker/sandbox-image.ts';

const usage = 'usage: node --import tsx scripts/build-sandbox-image.ts [--force] [--image <name>]';
const args = process.argv.slice(2);
let force = false;
let image = defaultSandboxImage;
for (let index = 0; index < args.length; index += 1) {
  const arg = args[index]!;
  if (arg === '--force') force = true;
  else if (arg === '--image' && args[index + 1]) image = args[(index += 1)]!;
  else if (arg === '--help' || arg === '-h') {
    console.log(usage);
    process.exit(0);
  } else {
    console.error(`unknown argument ${arg}\n${usage}`);
    process.exit(2);
  }
}

const dockerHost = process.env.DOCKER_HOST || defaultDockerHost;
try {
  const docker = connectDocker(dockerHost);
  const where = describeDocker(docker);
  const version = await docker.version().catch((error: Error) => {
    throw new Error(`the Docker API at ${where} does not answer (${error.message}); set DOCKER_HOST to it`);
  });
  console.log(`Docker API at ${where}: ${version.Components?.[0]?.Name ?? 'Engine'} ${version.Version}`);
  const started = Date.now();
  const result = await ensureSandboxImage(docker, image, { force });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (!result.imported) {
    console.log(`${image} is already there; nothing to do (--force rebuilds it)`);
  } else {
    const megabytes = ((result.bytes ?? 0) / 1024 / 1024).toFixed(0);
    console.log(`imported ${image}: ${result.entries} files and directories, ${megabytes} MB, in ${seconds} s`);
  }
} catch (error) {
  console.error(`could not build ${image}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
