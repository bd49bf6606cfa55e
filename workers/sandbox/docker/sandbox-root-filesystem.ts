import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TarEntry } from './tar-archive.ts';

const run = promisify(execFile);

/** The programs a run may call by name; `node` and `python3` are the runtimes, the rest serve shell runs. */
const programs = [
  'sh',
  'bash',
  'python3',
  'cat',
  'ls',
  'sleep',
  'echo',
  'env',
  'head',
  'tail',
  'yes',
  'mkdir',
  'rm',
  'cp',
  'mv',
  'touch',
  'wc',
  'sort',
  'uniq',
  'tr',
  'cut',
  'seq',
  'printf',
  'true',
  'false',
  'pwd',
  'id',
  'date',
  'basename',
  'dirname',
  'test',
  'grep',
  'sed',
  'awk',
  'mktemp',
  'chmod',
  'ln',
  'readlink',
  'realpath',
  'tee',
  'expr',
  'base64',
  'sha256sum',
  'uname',
  'whoami',
  'find',
  'xargs',
  'diff',
  'kill',
  'ps',
];

/** Parts of Python's standard library a run has no use for (build files, its own tests, GUI and installers). */
const skippedPythonDirectories = new Set([
  'test',
  'idlelib',
  'tkinter',
  'turtledemo',
  'ensurepip',
  'lib2to3',
  'venv',
  'config-3.11-x86_64-linux-gnu',
]);

const passwd = 'root:x:0:0:root:/root:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n';
const group = 'root:x:0:\nnogroup:x:65534:\n';

/**
 * The runner image's files, taken from this host: node (the running one), python3 with its standard library,
 * sh, bash and coreutils, every shared library they load (by `ldd`) with the dynamic loader, and an /etc that
 * knows only root and nobody (no shadow). Debian's merged /usr layout: /bin and /lib are symlinks into /usr.
 * Symlinks on the host are followed, so the image holds plain files.
 */
export async function sandboxRootFilesystem(nodePath = process.execPath): Promise<TarEntry[]> {
  const binaries = new Map<string, string>([['/usr/bin/node', nodePath]]);
  for (const program of programs) {
    const hostPath = [`/usr/bin/${program}`, `/bin/${program}`].find((file) => existsSync(file));
    if (hostPath) binaries.set(`/usr/bin/${program}`, hostPath);
  }
  const python = await realpath(binaries.get('/usr/bin/python3') ?? '/usr/bin/python3');
  const pythonLibrary = `/usr/lib/${path.basename(python)}`;
  const pythonFiles = existsSync(pythonLibrary) ? await listFiles(pythonLibrary) : [];
  const libraries = await sharedLibraries([
    ...binaries.values(),
    ...pythonFiles.filter((file) => file.endsWith('.so')),
  ]);

  const entries: TarEntry[] = [
    { type: 'symlink', path: 'bin', target: 'usr/bin' },
    { type: 'symlink', path: 'lib', target: 'usr/lib' },
    { type: 'symlink', path: 'lib64', target: 'usr/lib64' },
    { type: 'symlink', path: 'sbin', target: 'usr/bin' },
    ...['dev', 'proc', 'sys', 'run', 'etc', 'usr', 'usr/bin', 'usr/lib', 'usr/lib64', 'var', 'var/tmp'].map(
      (directory): TarEntry => ({ type: 'directory', path: directory }),
    ),
    // Podman gives a tmpfs the mode of the image's directory under it (its `tmpcopyup`), not the `mode=` option.
    { type: 'directory', path: 'tmp', mode: 0o1777 },
    { type: 'directory', path: 'work', mode: 0o1777 },
    { type: 'file', path: 'etc/passwd', content: Buffer.from(passwd) },
    { type: 'file', path: 'etc/group', content: Buffer.from(group) },
  ];
  const directories = new Set(entries.filter((entry) => entry.type === 'directory').map((entry) => entry.path));
  const files = new Map<string, string>([...binaries, ...libraries]);
  for (const file of pythonFiles) files.set(file, file);
  for (const [imagePath, hostPath] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    for (let parent = path.dirname(imagePath); parent !== '/'; parent = path.dirname(parent)) {
      const relative = parent.slice(1);
      if (directories.has(relative)) break;
      directories.add(relative);
      entries.push({ type: 'directory', path: relative });
    }
    const real = await realpath(hostPath);
    const info = await stat(real);
    entries.push({ type: 'file', path: imagePath.slice(1), hostPath: real, size: info.size, mode: info.mode & 0o755 });
  }
  return sortParentsFirst(entries);
}

/** image path → host path of every library the given ELF files load, the dynamic loader included. */
async function sharedLibraries(elfFiles: string[]) {
  const libraries = new Map<string, string>();
  // ldd takes many files at once (a header line per file); it fails when one is not dynamic, output still useful.
  const batches: string[][] = [];
  for (let index = 0; index < elfFiles.length; index += 12) batches.push(elfFiles.slice(index, index + 12));
  const outputs = await Promise.all(
    batches.map((batch) => run('ldd', batch).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }))),
  );
  for (const { stdout } of outputs) {
    for (const line of stdout.split('\n')) {
      const match = /(?:=>\s*)?(\/\S+)\s+\(0x/.exec(line);
      if (!match?.[1]) continue;
      const hostPath = match[1];
      // Keep the file name the loader asks for, under the directory's real place (/lib → /usr/lib).
      const imagePath = path.join(await realpath(path.dirname(hostPath)), path.basename(hostPath));
      libraries.set(imagePath, hostPath);
    }
  }
  return libraries;
}

async function listFiles(directory: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!skippedPythonDirectories.has(entry.name)) files.push(...(await listFiles(full)));
    } else if (entry.isFile() || (entry.isSymbolicLink() && existsSync(full))) {
      const info = await stat(full);
      if (info.isFile()) files.push(full);
    }
  }
  return files;
}

/** Directories before what they hold, so an unpacker never has to invent one. */
function sortParentsFirst(entries: TarEntry[]) {
  const depth = (entry: TarEntry) => entry.path.split('/').length;
  const rank = (entry: TarEntry) => (entry.type === 'directory' ? 0 : 1);
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => depth(a.entry) - depth(b.entry) || rank(a.entry) - rank(b.entry) || a.index - b.index)
    .map(({ entry }) => entry);
}
