import { execFileSync } from 'node:child_process';
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ValidationError } from '../../errors/validation-error.ts';
import { checkGitUrl, cloneGit, GitCloneError } from './clone-git.ts';

let work: string;
let repositories: string;
let repository: string;
let headCommit: string;

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: work },
  }).trim();

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'kiln-clone-'));
  repositories = path.join(work, 'repositories');
  repository = path.join(repositories, 'demo');
  await mkdir(path.join(repository, 'src'), { recursive: true });
  await writeFile(path.join(repository, 'README.md'), '# Demo\n');
  await writeFile(path.join(repository, 'src', 'main.ts'), 'export {};\n');
  await symlink('/etc/passwd', path.join(repository, 'passwd'));
  git(repository, 'init', '--quiet', '--initial-branch=main');
  git(repository, 'add', '.');
  git(repository, '-c', 'user.name=Kiln', '-c', 'user.email=kiln@example.com', 'commit', '--quiet', '-m', 'first');
  await writeFile(path.join(repository, 'README.md'), '# Demo, second\n');
  git(repository, '-c', 'user.name=Kiln', '-c', 'user.email=kiln@example.com', 'commit', '--quiet', '-am', 'second');
  headCommit = git(repository, 'rev-parse', 'HEAD');
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

let clones = 0;
const freshDestination = async () => path.join(work, `clone-${(clones += 1)}`);

describe('cloneGit', () => {
  it('shallow-clones a local repository by file:// URL and returns its HEAD commit', async () => {
    const destination = await freshDestination();

    const result = await cloneGit(pathToFileURL(repository).href, destination, { allowedRoots: [repositories] });

    expect(result.commit).toBe(headCommit);
    expect(await readFile(path.join(destination, 'README.md'), 'utf8')).toBe('# Demo, second\n');
    expect(await readFile(path.join(destination, 'src', 'main.ts'), 'utf8')).toBe('export {};\n');
    expect(git(destination, 'rev-list', '--count', 'HEAD')).toBe('1');
  });

  it('checks a symlink out as a plain file holding its target, never a link', async () => {
    const destination = await freshDestination();

    await cloneGit(repository, destination, { allowedRoots: [repositories] });

    const passwd = await lstat(path.join(destination, 'passwd'));
    expect(passwd.isSymbolicLink()).toBe(false);
    expect(passwd.isFile()).toBe(true);
    expect(await readFile(path.join(destination, 'passwd'), 'utf8')).toBe('/etc/passwd');
  });

  it('refuses a local repository outside the allowed roots before running git', async () => {
    const destination = await freshDestination();

    const refusal = cloneGit(pathToFileURL(repository).href, destination, { allowedRoots: [path.join(work, 'other')] });

    await expect(refusal).rejects.toBeInstanceOf(ValidationError);
    await expect(refusal).rejects.toThrow('is outside the allowed folders');
  });

  it('fails quickly with a plain message when nothing listens', async () => {
    const destination = await freshDestination();
    const started = Date.now();

    const failure = cloneGit('http://user:secret@127.0.0.1:1/x.git', destination, { allowedRoots: [] });

    await expect(failure).rejects.toBeInstanceOf(GitCloneError);
    await expect(failure).rejects.toThrow(
      'Could not clone http://127.0.0.1:1/x.git: repository not found or not reachable.',
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await readdir(destination)).toEqual([]);
  });

  it('reports a local folder that is not a repository as not found', async () => {
    const destination = await freshDestination();
    const empty = path.join(repositories, 'empty');
    await mkdir(empty, { recursive: true });

    await expect(cloneGit(empty, destination, { allowedRoots: [repositories] })).rejects.toThrow(
      /^Could not clone file:\/\/.*\/empty: repository not found or not reachable\.$/,
    );
  });

  it("runs no hooks, even ones the server user's git config names", async () => {
    const home = path.join(work, 'home');
    const hooks = path.join(home, 'hooks');
    const marker = path.join(work, 'hook-ran');
    await mkdir(hooks, { recursive: true });
    await writeFile(path.join(hooks, 'post-checkout'), `#!/bin/sh\ntouch ${marker}\n`, { mode: 0o755 });
    await writeFile(path.join(home, '.gitconfig'), `[core]\n\thooksPath = ${hooks}\n`);
    vi.stubEnv('HOME', home);
    try {
      await cloneGit(repository, await freshDestination(), { allowedRoots: [repositories] });
    } finally {
      vi.unstubAllEnvs();
    }

    await expect(lstat(marker)).rejects.toThrow();
  });

  it('never waits for credentials when the server asks for them', async () => {
    const server = createHttpServer((_request, response) => {
      response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"' }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const failure = cloneGit(`http://127.0.0.1:${port}/private.git`, await freshDestination(), {
        allowedRoots: [],
        timeoutMs: 10_000,
      });

      await expect(failure).rejects.toThrow(
        `Could not clone http://127.0.0.1:${port}/private.git: repository not found or not reachable.`,
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  describe('against a server that accepts and never answers', () => {
    let server: Server;
    let port: number;
    const sockets = new Set<Socket>();

    beforeAll(async () => {
      server = createServer((socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as { port: number }).port;
    });

    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    });

    it('stops the clone at the timeout and says so', async () => {
      const destination = await freshDestination();
      const started = Date.now();

      const failure = cloneGit(`http://127.0.0.1:${port}/slow.git`, destination, {
        allowedRoots: [],
        timeoutMs: 1000,
      });

      await expect(failure).rejects.toThrow(`Could not clone http://127.0.0.1:${port}/slow.git: took longer than 1 s.`);
      expect(Date.now() - started).toBeLessThan(5000);
    });
  });
});

describe('checkGitUrl', () => {
  it.each([
    ['https://github.com/owner/repo.git', 'https://github.com/owner/repo.git'],
    ['  https://github.com/owner/repo  ', 'https://github.com/owner/repo'],
    ['http://git.example.com/repo.git', 'http://git.example.com/repo.git'],
    ['ssh://git@github.com/owner/repo.git', 'ssh://git@github.com/owner/repo.git'],
    ['git@github.com:owner/repo.git', 'git@github.com:owner/repo.git'],
  ])('accepts %s', (url, normalized) => {
    expect(checkGitUrl(url, [])).toBe(normalized);
  });

  it('accepts a local path or file:// URL inside a root, as the file:// URL of its real path', () => {
    const expected = pathToFileURL(repository).href;
    expect(checkGitUrl(repository, [repositories])).toBe(expected);
    expect(checkGitUrl(pathToFileURL(repository).href, [repositories])).toBe(expected);
    expect(checkGitUrl(path.join(repositories, 'x', '..', 'demo'), [repositories])).toBe(expected);
  });

  it('compares roots by path, not by string prefix, after following symlinks', async () => {
    const sibling = `${repositories}-evil`;
    await mkdir(sibling, { recursive: true });
    const link = path.join(repositories, 'link-out');
    await symlink(sibling, link);

    expect(() => checkGitUrl(sibling, [repositories])).toThrow(/outside the allowed folders/);
    expect(() => checkGitUrl(link, [repositories])).toThrow(/outside the allowed folders/);
  });

  it.each([
    ['ext::sh -c touch% /tmp/pwned', 'spaces or control characters'],
    ['ext::sh', 'transport helpers'],
    ['fd::17', 'transport helpers'],
    ['--upload-pack=/tmp/evil.sh', 'may not start with "-"'],
    ['-u/tmp/x', 'may not start with "-"'],
    ['ssh://-oProxyCommand=touch/x', 'may not start with "-"'],
    ['git@-oProxyCommand=touch:x', 'may not start with "-"'],
    ['git://github.com/owner/repo.git', 'Addresses starting with "git:" are not allowed.'],
    ['ftp://example.com/repo.git', 'Addresses starting with "ftp:" are not allowed.'],
    ['repo.git', 'is not a git address'],
    ['../../etc', 'is not a git address'],
    ['', 'The git address is empty.'],
    ['https://github.com/a\nb', 'spaces or control characters'],
  ])('refuses %j', (url, message) => {
    expect(() => checkGitUrl(url, [repositories])).toThrow(ValidationError);
    expect(() => checkGitUrl(url, [repositories])).toThrow(message);
  });

  it('refuses local repositories when no roots are allowed, and ones outside the roots', () => {
    expect(() => checkGitUrl(repository, [])).toThrow('Local repositories cannot be cloned on this server.');
    expect(() => checkGitUrl('file:///etc', [repositories])).toThrow(
      `The local repository /etc is outside the allowed folders: ${repositories}.`,
    );
    expect(() => checkGitUrl('/no/such/repository', [repositories])).toThrow('does not exist');
  });
});
