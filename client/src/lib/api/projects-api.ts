import type {
  AddMemberBody,
  AddSourceBody,
  Project,
  ProjectList,
  ProjectMember,
  ProjectRole,
  ProjectSource,
} from '$protocol/project.ts';
import { ApiError, apiErrorFrom } from './api-error.ts';
import { csrfHeaderName, csrfToken } from './csrf-token.ts';
import { uploadWithProgress } from './upload-with-progress.ts';

/** KilnApi's JSON request: the session cookie, the CSRF header, and an ApiError for a failure. */
export type JsonRequest = <T>(method: string, path: string, body?: unknown) => Promise<T>;

export interface UploadProgressOptions {
  /** Bytes sent so far of the request's total. */
  onprogress?(sent: number, total: number): void;
  signal?: AbortSignal;
}

const projectPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}`;
const sourcePath = (projectId: string, sourceId: string) =>
  `${projectPath(projectId)}/sources/${encodeURIComponent(sourceId)}`;
const memberPath = (projectId: string, userId: string) =>
  `${projectPath(projectId)}/members/${encodeURIComponent(userId)}`;

/**
 * Projects (`/api/v1/projects`): only their members see them. Owners manage members and delete; editors rename
 * and manage sources; viewers read. The server answers 403 to the rest.
 */
export class ProjectsApi {
  constructor(
    private readonly request: JsonRequest,
    private readonly onUnauthenticated: () => void,
  ) {}

  /** The projects the signed-in user is a member of. */
  list() {
    return this.request<ProjectList>('GET', '/projects');
  }
  /** A new project; its creator is its owner. */
  create(name: string) {
    return this.request<Project>('POST', '/projects', { name });
  }
  get(id: string) {
    return this.request<Project>('GET', projectPath(id));
  }
  rename(id: string, name: string) {
    return this.request<Project>('PATCH', projectPath(id), { name });
  }
  /** The project, its sources and their patterns. */
  remove(id: string) {
    return this.request<void>('DELETE', projectPath(id));
  }

  /** A folder on the server or a git repository, queued for ingest. */
  addSource(projectId: string, source: AddSourceBody) {
    return this.request<ProjectSource>('POST', `${projectPath(projectId)}/sources`, source);
  }
  /** Uploads a .zip or .tar.gz archive as a source, queued for ingest. */
  async uploadArchive(projectId: string, file: File, options: UploadProgressOptions = {}): Promise<ProjectSource> {
    const form = new FormData();
    form.append('file', file, file.name);
    const csrf = csrfToken();
    let answer;
    try {
      answer = await uploadWithProgress(`/api/v1${projectPath(projectId)}/sources`, form, {
        headers: { accept: 'application/json', ...(csrf ? { [csrfHeaderName]: csrf } : {}) },
        ...options,
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new ApiError(0, 'network_error', 'The upload was cut off; check your connection and try again.');
    }
    if (answer.status >= 200 && answer.status < 300) return answer.json as ProjectSource;
    if (answer.status === 401) this.onUnauthenticated();
    // A proxy in front of Kiln may refuse a big body with its own page instead of Kiln's JSON.
    const tooLarge = answer.status === 413 ? 'The archive is larger than Kiln accepts.' : undefined;
    throw apiErrorFrom(answer.status, answer.json, tooLarge);
  }
  /** Ingests a source again: only the files changed since its last ingest are indexed anew. */
  reingestSource(projectId: string, sourceId: string) {
    return this.request<ProjectSource>('POST', `${sourcePath(projectId, sourceId)}/ingest`);
  }
  /** Removes a source and the patterns it brought. */
  removeSource(projectId: string, sourceId: string) {
    return this.request<void>('DELETE', sourcePath(projectId, sourceId));
  }

  addMember(projectId: string, member: AddMemberBody) {
    return this.request<ProjectMember>('POST', `${projectPath(projectId)}/members`, member);
  }
  changeMemberRole(projectId: string, userId: string, role: ProjectRole) {
    return this.request<ProjectMember>('PATCH', memberPath(projectId, userId), { role });
  }
  removeMember(projectId: string, userId: string) {
    return this.request<void>('DELETE', memberPath(projectId, userId));
  }
}
