import { Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import { sandboxRootFilesystem } from './sandbox-root-filesystem.ts';
import { tarArchive, type TarEntry } from './tar-archive.ts';

export const defaultSandboxImage = 'kiln-sandbox:local';

export interface SandboxImageResult {
  image: string;
  /** false when the image was already there and nothing was done. */
  imported: boolean;
  /** Files and directories in the imported root filesystem. */
  entries?: number;
  bytes?: number;
}

/**
 * Makes sure the runner image exists: when `image` is missing (or `force`), builds its root filesystem from this
 * host's node, python3 and shell (see sandboxRootFilesystem) and imports it through the Docker API's image import
 * (`POST /images/create?fromSrc=-`), which Docker and Podman both serve, so no registry and no CLI are needed.
 * A second call finds the image and only costs one inspect.
 */
export async function ensureSandboxImage(
  docker: Dockerode,
  image = defaultSandboxImage,
  options: { force?: boolean } = {},
): Promise<SandboxImageResult> {
  if (!options.force && (await imageExists(docker, image))) return { image, imported: false };
  const entries = await sandboxRootFilesystem();
  const bytes = entries.reduce((total, entry) => total + sizeOf(entry), 0);
  const archive = Readable.from(tarArchive(entries));
  // The whole reference goes in `repo`: Podman ignores the `tag` parameter of an import, Docker accepts both.
  const response = (await docker.importImage(archive, {
    repo: image,
    changes: ['USER 65534:65534', 'WORKDIR /work', 'ENV PATH=/usr/bin:/bin'],
  })) as NodeJS.ReadableStream;
  const events = await new Promise<ImportEvent[]>((resolve, reject) => {
    docker.modem.followProgress(response, (error: Error | null, result: ImportEvent[]) => {
      const failure = error?.message ?? result.find((event) => event.error)?.error;
      if (failure) reject(new Error(`importing ${image} failed: ${failure}`));
      else resolve(result);
    });
  });
  if (!(await imageExists(docker, image))) {
    // Both engines end an import with the new image's id as the status.
    const imported = events.map((event) => event.status).findLast((status) => status?.startsWith('sha256:'));
    if (!imported) throw new Error(`importing ${image} reported success but the image is missing`);
    const [repo, tag = 'latest'] = splitReference(image);
    await docker.getImage(imported).tag({ repo, tag });
  }
  return { image, imported: true, entries: entries.length, bytes };
}

interface ImportEvent {
  status?: string;
  error?: string;
}

async function imageExists(docker: Dockerode, image: string) {
  try {
    await docker.getImage(image).inspect();
    return true;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return false;
    throw error;
  }
}

function sizeOf(entry: TarEntry) {
  if (entry.type !== 'file') return 0;
  return 'content' in entry ? entry.content.length : entry.size;
}

/** `name:tag` → [name, tag]; a colon before the last slash belongs to a registry's port. */
function splitReference(image: string): [string, string | undefined] {
  const colon = image.lastIndexOf(':');
  if (colon <= image.lastIndexOf('/')) return [image, undefined];
  return [image.slice(0, colon), image.slice(colon + 1)];
}
