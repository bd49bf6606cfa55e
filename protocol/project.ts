/**
 * Projects: a codebase brought into Kiln (`/api/v1/projects`). A project has members, each with a role, and
 * sources whose files are ingested into the project's own patterns. Only members see a project's code.
 */
export const projectRoles = ['owner', 'editor', 'viewer'] as const;
/** owner: everything, including members and deleting the project; editor: sources and renaming; viewer: reading. */
export type ProjectRole = (typeof projectRoles)[number];

export const projectSourceTypes = ['folder', 'archive', 'git'] as const;
export type ProjectSourceType = (typeof projectSourceTypes)[number];

export const projectSourceStatuses = ['queued', 'ingesting', 'ready', 'failed'] as const;
export type ProjectSourceStatus = (typeof projectSourceStatuses)[number];

/** What ingest saw of a source, updated while it runs. */
export interface ProjectSourceCounts {
  /** Source files found (after skipping tests, vendored and generated files). */
  filesFound: number;
  /** Files read so far in this ingest (indexed, unchanged or failed). */
  filesDone: number;
  /** Files indexed anew in this ingest. */
  filesIndexed: number;
  /** Files unchanged since the last ingest (not indexed again). */
  filesUnchanged: number;
  /** Files left out (too large, binary, generated, tests…) and files that could not be read. */
  filesSkipped: number;
  /** Patterns the source holds now. */
  patterns: number;
}

export interface ProjectSource {
  id: string;
  projectId: string;
  type: ProjectSourceType;
  /** The folder's path, the archive's file name, or the git URL. */
  location: string;
  status: ProjectSourceStatus;
  counts: ProjectSourceCounts;
  /** Why the last ingest failed (status `failed`), in plain words. */
  error: string | null;
  createdAt: string;
  updatedAt: string;
  /** When the last ingest finished; null before the first. */
  ingestedAt: string | null;
}

export interface ProjectMember {
  userId: string;
  email: string;
  name: string | null;
  role: ProjectRole;
  addedAt: string;
}

export interface Project {
  id: string;
  name: string;
  /** The caller's role in the project. */
  role: ProjectRole;
  members: ProjectMember[];
  sources: ProjectSource[];
  /** Patterns across all its sources. */
  patterns: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProjectList {
  projects: Project[];
}

/** Bodies of `/api/v1/projects` requests. */
export interface CreateProjectBody {
  name: string;
}
export interface UpdateProjectBody {
  name: string;
}
/** JSON sources; an archive is a multipart upload with the field `file` instead. */
export type AddSourceBody = { type: 'folder'; path: string } | { type: 'git'; url: string };
export interface AddMemberBody {
  email: string;
  role: ProjectRole;
}

/** Which project a cited pattern came from (absent for seed, learned and unscoped ingested patterns). */
export interface PatternProject {
  id: string;
  name: string;
}
