// The Debian packages the tests need. As root on Debian/Ubuntu they are installed when missing;
// elsewhere the run stops with one line naming what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Debian package name → the command that shows it is installed (looked up on PATH, so a python3 from pyenv or
 * elsewhere counts). Python runs the seed corpus's Python tests and splits Python files for ingest; Chromium
 * runs the browser tests (Debian's build, driven by playwright-core; Playwright's own downloads are never used).
 * Commands in /usr/sbin count too (runc is there).
 */
export const requiredSystemPackages = {
  python3: 'python3',
  chromium: 'chromium',
  // The sandbox: bubblewrap runs code by default; Podman (with runc: crun refuses hybrid cgroup hosts) serves a
  // real Docker Engine API for the Docker driver's tests. prlimit comes with util-linux, which Debian always has.
  bubblewrap: 'bwrap',
  podman: 'podman',
  runc: 'runc',
};

function onPath(command) {
  const directories = [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/sbin'];
  return directories.some((directory) => directory && existsSync(`${directory}/${command}`));
}

export function ensureSystemPackages(packages = requiredSystemPackages) {
  const missing = Object.entries(packages)
    .filter(([, command]) => !onPath(command))
    .map(([name]) => name);
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    console.error(
      `Missing system packages needed by the tests: ${missing.join(', ')} (install them, e.g. sudo apt-get install -y ${missing.join(' ')})`,
    );
    process.exit(1);
  }
  console.log(`Installing system packages the tests need: ${missing.join(', ')}`);
  const environment = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env: environment });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    stdio: 'inherit',
    env: environment,
  });
  if (install.status !== 0) {
    console.error(`Could not install ${missing.join(', ')}; install them by hand and run npm test again.`);
    process.exit(1);
  }
}
