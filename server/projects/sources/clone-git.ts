import { realpathSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { simpleGit } from 'simple-git';
import { KilnError } from '../../errors/kiln-error.ts';
import { ValidationError } from '../../errors/validation-error.ts';
import { isInsideFolder } from './project-folder.ts';

export interface CloneGitOptions {
  /** Folders whose repositories may be cloned by file:// URL or absolute path; empty allows none. */
  allowedRoots: string[];
  /** The whole clone is stopped after this long; 120 s unless given. */
  timeoutMs?: number;
}

/** A clone that failed for reasons outside the request's shape: not found, unreachable, too slow. */
export class GitCloneError extends KilnError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('git_clone_failed', 422, message, options);
  }
}

const addressHelp = 'Use an https:// address or an ssh one such as git@github.com:owner/repo.git.';

const refuse = (problem: string) => new ValidationError(`${problem} ${addressHelp}`);

/**
 * Checks a repository address a user gave and returns it normalized: https://, http:// and ssh:// URLs with a host,
 * scp-style `user@host:path`, and file:// URLs or absolute paths whose real path is inside one of `allowedRoots`
 * (returned as file:// URLs). Refuses other schemes, transport helpers (`ext::`) and anything git could read as an
 * option, with a ValidationError.
 */
export function checkGitUrl(url: string, allowedRoots: string[]): string {
  const address = url.trim();
  if (address === '') throw refuse('The git address is empty.');
  if (/[\s\p{Cc}]/u.test(address)) throw refuse('The git address contains spaces or control characters.');
  if (address.startsWith('-')) throw refuse('The git address may not start with "-".');
  if (/^[a-z][a-z0-9+.-]*::/i.test(address)) throw refuse('Git transport helpers ("name::address") are not allowed.');

  const scpStyle = /^([^@/:]+)@([^@/:]+):(?!\/\/)(.+)$/.exec(address);
  if (scpStyle) {
    const [, user = '', host = '', repository = ''] = scpStyle;
    if ([user, host, repository].some((part) => part.startsWith('-'))) {
      throw refuse('Parts of the git address may not start with "-".');
    }
    return address;
  }
  if (path.isAbsolute(address)) return localRepositoryUrl(address, allowedRoots);

  let parsed: URL;
  try {
    parsed = new URL(address);
  } catch {
    throw refuse(`"${address}" is not a git address.`);
  }
  switch (parsed.protocol) {
    case 'https:':
    case 'http:':
    case 'ssh:':
      if (parsed.hostname === '' || parsed.hostname.startsWith('-') || parsed.username.startsWith('-')) {
        throw refuse('The git address needs a host name, and it may not start with "-".');
      }
      return parsed.href;
    case 'file:':
      return localRepositoryUrl(fileURLToPath(parsed), allowedRoots);
    default:
      throw refuse(`Addresses starting with "${parsed.protocol}" are not allowed.`);
  }
}

function localRepositoryUrl(folder: string, allowedRoots: string[]): string {
  if (allowedRoots.length === 0) throw refuse('Local repositories cannot be cloned on this server.');
  let real: string;
  try {
    real = realpathSync(folder);
  } catch {
    throw new ValidationError(`The local repository ${folder} does not exist.`);
  }
  if (!allowedRoots.some((root) => isInsideFolder(realpathOrSelf(root), real))) {
    throw new ValidationError(
      `The local repository ${folder} is outside the allowed folders: ${allowedRoots.join(', ')}.`,
    );
  }
  return pathToFileURL(real).href;
}

const realpathOrSelf = (folder: string) => {
  try {
    return realpathSync(folder);
  } catch {
    return path.resolve(folder);
  }
};

/** The address as shown in messages: no user name or password. */
const withoutCredentials = (address: string) => {
  try {
    const parsed = new URL(address);
    if (parsed.protocol === 'file:') return address;
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return address;
  }
};

/**
 * Shallow-clones the default branch of `url` (checked by checkGitUrl) into `destination`, which must be missing or
 * empty. Symlinks are checked out as plain files, hooks never run, and git never waits for credentials. Stopped after
 * `timeoutMs`. Returns the HEAD commit; throws ValidationError for a refused address and GitCloneError for a failed
 * clone, leaving `destination` empty.
 */
export async function cloneGit(
  url: string,
  destination: string,
  options: CloneGitOptions,
): Promise<{ commit: string }> {
  const address = checkGitUrl(url, options.allowedRoots);
  const timeoutMs = options.timeoutMs ?? 120_000;
  await mkdir(destination, { recursive: true });
  if ((await readdir(destination)).length > 0)
    throw new Error(`cloneGit needs an empty destination, got ${destination}`);
  const deadline = AbortSignal.timeout(timeoutMs);
  const git = simpleGit({
    abort: deadline,
    config: ['core.symlinks=false', 'core.hooksPath=/dev/null', 'protocol.ext.allow=never'],
    allowConfig: ['core.symlinks', 'core.hooksPath', 'protocol.ext.allow'],
    allowEnvironment: environmentKeys,
  }).env(cloneEnvironment());
  try {
    await git.clone(address, destination, ['--depth', '1', '--single-branch', '--no-tags']);
    const commit = await simpleGit({ baseDir: destination, abort: deadline }).revparse(['HEAD']);
    return { commit: commit.trim() };
  } catch (error) {
    await Promise.all(
      (await readdir(destination)).map((name) => rm(path.join(destination, name), { recursive: true, force: true })),
    );
    const reason = deadline.aborted
      ? `took longer than ${Math.round(timeoutMs / 1000)} s`
      : 'repository not found or not reachable';
    throw new GitCloneError(`Could not clone ${withoutCredentials(address)}: ${reason}.`, { cause: error });
  }
}

const environmentKeys = ['GIT_TERMINAL_PROMPT', 'GIT_ASKPASS', 'SSH_ASKPASS', 'GIT_SSH_COMMAND', 'GIT_LFS_SKIP_SMUDGE'];

/** Variables git reads to find repositories, configs or programs: not passed on from the server's environment. */
const inheritedGitKey = /^(GIT_.*|EDITOR|VISUAL|PAGER|PREFIX)$/i;

/** The server's environment for git, without its git variables and with every way to ask for a password closed. */
function cloneEnvironment(): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([key]) => !inheritedGitKey.test(key));
  return {
    ...Object.fromEntries(inherited),
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: 'true',
    SSH_ASKPASS: 'true',
    GIT_SSH_COMMAND: 'ssh -o BatchMode=yes',
    GIT_LFS_SKIP_SMUDGE: '1',
  };
}
