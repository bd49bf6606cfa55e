import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { ProjectSettings } from '../../platform/config/config.ts';
import {
  projectRoles,
  type Project,
  type ProjectList,
  type ProjectMember,
  type ProjectRole,
  type ProjectSource,
} from '../../protocol/project.ts';
import type { User } from '../../protocol/user.ts';
import { ConflictError } from '../errors/conflict-error.ts';
import { ForbiddenError } from '../errors/forbidden-error.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { ValidationError } from '../errors/validation-error.ts';
import { parseInput } from '../validation/parse-input.ts';
import { sourceView, type ProjectRepository, type StoredSource } from './project-repository.ts';
import { checkGitUrl } from './sources/clone-git.ts';
import { extractArchive } from './sources/extract-archive.ts';
import { resolveProjectFolder } from './sources/project-folder.ts';
import { receiveUpload } from './sources/receive-upload.ts';

const name = z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters');
const nameSchema = z.object({ name }).strict();
const sourceSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('folder'), path: z.string().trim().min(1, 'must not be empty').max(4_096) }).strict(),
    z.object({ type: z.literal('git'), url: z.string().trim().min(1, 'must not be empty').max(2_048) }).strict(),
  ],
  { error: 'type must be "folder" or "git" (an archive is a multipart upload with a field "file")' },
);
const memberSchema = z.object({ email: z.string().trim().min(3).max(320), role: z.enum(projectRoles) }).strict();
const roleSchema = z.object({ role: z.enum(projectRoles) }).strict();
const uuid = z.uuid();

const rank: Record<ProjectRole, number> = { viewer: 0, editor: 1, owner: 2 };

/** What the service needs beyond its repository: the store it removes patterns from and the ingest queue. */
export interface ProjectServiceDependencies {
  repository: ProjectRepository;
  /** Removes patterns from all three stores. */
  removePatterns: (ids: string[]) => Promise<void>;
  /** Forgets what ingest saw of a removed source's files. */
  forgetSource: (sourceId: string) => Promise<void>;
  /** Ids of a source's patterns, and of a whole project's. */
  patternIdsOf: (scope: { sourceId: string } | { projectId: string }) => Promise<string[]>;
  /** Queues a source's ingest. */
  queueIngest: (sourceId: string) => Promise<void>;
  /** Tells the project's members about a source's state. */
  announce: (source: StoredSource) => Promise<void>;
  settings: ProjectSettings;
}

/**
 * Projects as their members use them. Owners manage members and may delete the project; editors add, re-ingest
 * and remove sources and rename it; viewers read it and search it. A project is invisible to everyone else: any
 * request about it from a non-member is a 404, as for a project that does not exist.
 */
export class ProjectService {
  constructor(private readonly dependencies: ProjectServiceDependencies) {}

  async create(user: User, input: unknown): Promise<Project> {
    const { name: given } = parseInput(nameSchema, input, 'project');
    const id = await this.dependencies.repository.create(given, user.id);
    return (await this.dependencies.repository.find(id, user.id))!;
  }

  async list(user: User): Promise<ProjectList> {
    return { projects: await this.dependencies.repository.listFor(user.id) };
  }

  async get(user: User, projectId: string): Promise<Project> {
    const project = await this.dependencies.repository.find(parseId(projectId), user.id);
    if (!project) throw new NotFoundError('Project');
    return project;
  }

  /** The caller's role; a non-member (or a malformed id) is a 404, and too low a role a 403 naming who may. */
  async requireRole(user: User, projectId: string, minimum: ProjectRole, action: string): Promise<string> {
    const id = parseId(projectId);
    const role = await this.dependencies.repository.roleOf(id, user.id);
    if (!role) throw new NotFoundError('Project');
    if (rank[role] < rank[minimum])
      throw new ForbiddenError(
        `Only the project's ${minimum === 'owner' ? 'owners' : 'owners and editors'} can ${action}; you are a ${role}.`,
      );
    return id;
  }

  async rename(user: User, projectId: string, input: unknown): Promise<Project> {
    const id = await this.requireRole(user, projectId, 'editor', 'rename it');
    const { name: given } = parseInput(nameSchema, input, 'project');
    await this.dependencies.repository.rename(id, given);
    return this.get(user, id);
  }

  /** Deletes the project with its patterns, and the archives and clones kept for it (never a server folder). */
  async delete(user: User, projectId: string): Promise<void> {
    const id = await this.requireRole(user, projectId, 'owner', 'delete it');
    const sources = await this.dependencies.repository.sourcesOf(id);
    await this.dependencies.repository.delete(id);
    await this.dependencies.removePatterns(await this.dependencies.patternIdsOf({ projectId: id }));
    for (const source of sources) {
      await this.dependencies.forgetSource(source.id);
      await this.removeFiles(source);
    }
  }

  /** A server folder or a git URL, checked now (a bad one is a 400 and nothing is added), ingested by a job. */
  async addSource(user: User, projectId: string, input: unknown): Promise<ProjectSource> {
    const id = await this.requireRole(user, projectId, 'editor', 'add sources');
    const body = parseInput(sourceSchema, input, 'source');
    const { roots, directory } = this.dependencies.settings;
    if (body.type === 'folder') {
      const folder = await resolveProjectFolder(body.path, roots);
      return this.queued(id, user, { type: 'folder', location: body.path, directory: folder });
    }
    const url = checkGitUrl(body.url, roots);
    return this.queued(id, user, { type: 'git', location: url, directory: path.join(directory, randomUUID()) });
  }

  /**
   * An archive upload (multipart, field `file`): received to disk, unpacked (limits, no traversal, no links),
   * then ingested by a job. A bad upload is a 4xx and leaves nothing behind.
   */
  async addArchive(user: User, projectId: string, request: Request): Promise<ProjectSource> {
    const id = await this.requireRole(user, projectId, 'editor', 'add sources');
    const { directory, uploadBytes } = this.dependencies.settings;
    const uploads = path.join(directory, 'uploads');
    await mkdir(uploads, { recursive: true });
    const upload = await receiveUpload(request, { field: 'file', maxBytes: uploadBytes, directory: uploads });
    const target = path.join(directory, randomUUID());
    try {
      await mkdir(target, { recursive: true });
      await extractArchive(upload.path, target);
      return await this.queued(id, user, { type: 'archive', location: upload.fileName, directory: target });
    } catch (error) {
      await rm(target, { recursive: true, force: true });
      throw error;
    } finally {
      await rm(upload.path, { force: true });
    }
  }

  /** Ingests a source again (only what changed is indexed anew). */
  async reingest(user: User, projectId: string, sourceId: string): Promise<ProjectSource> {
    const source = await this.ownSource(user, projectId, sourceId, 'ingest sources');
    if (source.status === 'queued' || source.status === 'ingesting')
      throw new ConflictError('ingest_running', 'This source is being ingested already.');
    const queued = await this.dependencies.repository.updateSource(source.id, {
      status: 'queued',
      error: null,
      counts: { ...source.counts, filesDone: 0 },
    });
    await this.dependencies.announce(queued!);
    await this.dependencies.queueIngest(source.id);
    return sourceView(queued!);
  }

  /** Removes a source and its patterns (a running ingest of it stops at its next file). */
  async removeSource(user: User, projectId: string, sourceId: string): Promise<void> {
    const source = await this.ownSource(user, projectId, sourceId, 'remove sources');
    await this.dependencies.repository.removeSource(source.id);
    await this.dependencies.removePatterns(await this.dependencies.patternIdsOf({ sourceId: source.id }));
    await this.dependencies.forgetSource(source.id);
    await this.removeFiles(source);
  }

  async addMember(user: User, projectId: string, input: unknown): Promise<ProjectMember> {
    const id = await this.requireRole(user, projectId, 'owner', 'manage members');
    const { email, role } = parseInput(memberSchema, input, 'member');
    const account = await this.dependencies.repository.findUserByEmail(email);
    if (!account)
      throw new ValidationError(`There is no Kiln account with the email ${email}; invite them first.`, [
        { field: 'email', message: 'has no account' },
      ]);
    if (await this.dependencies.repository.roleOf(id, account.id))
      throw new ConflictError('already_member', `${email} is a member already; change their role instead.`);
    return this.dependencies.repository.setMember(id, account.id, role);
  }

  async changeMember(user: User, projectId: string, memberId: string, input: unknown): Promise<ProjectMember> {
    const id = await this.requireRole(user, projectId, 'owner', 'manage members');
    const { role } = parseInput(roleSchema, input, 'member');
    const current = await this.member(id, memberId);
    if (current.role === 'owner' && role !== 'owner') await this.keepAnOwner(id);
    return this.dependencies.repository.setMember(id, current.userId, role);
  }

  async removeMember(user: User, projectId: string, memberId: string): Promise<void> {
    const id = await this.requireRole(user, projectId, 'owner', 'manage members');
    const current = await this.member(id, memberId);
    if (current.role === 'owner') await this.keepAnOwner(id);
    await this.dependencies.repository.removeMember(id, current.userId);
  }

  private async member(projectId: string, memberId: string): Promise<ProjectMember> {
    const member = uuid.safeParse(memberId).success
      ? await this.dependencies.repository.member(projectId, memberId)
      : undefined;
    if (!member) throw new NotFoundError('Member');
    return member;
  }

  private async keepAnOwner(projectId: string) {
    if ((await this.dependencies.repository.ownerCount(projectId)) <= 1)
      throw new ConflictError('last_owner', 'A project needs an owner: make someone else owner first.');
  }

  private async ownSource(user: User, projectId: string, sourceId: string, action: string): Promise<StoredSource> {
    const id = await this.requireRole(user, projectId, 'editor', action);
    const source = uuid.safeParse(sourceId).success ? await this.dependencies.repository.source(sourceId) : undefined;
    if (!source || source.projectId !== id) throw new NotFoundError('Source');
    return source;
  }

  private async queued(
    projectId: string,
    user: User,
    source: { type: StoredSource['type']; location: string; directory: string },
  ): Promise<ProjectSource> {
    const stored = await this.dependencies.repository.addSource(projectId, { ...source, createdBy: user.id });
    await this.dependencies.queueIngest(stored.id);
    return sourceView(stored);
  }

  /** Archives and clones live under the projects directory and go with their source; a server folder stays. */
  private async removeFiles(source: StoredSource) {
    if (source.type === 'folder') return;
    const inside = path.relative(this.dependencies.settings.directory, source.directory);
    if (inside && !inside.startsWith('..') && !path.isAbsolute(inside))
      await rm(source.directory, { recursive: true, force: true });
  }
}

/** A malformed id names nothing: 404, like an unknown one. */
function parseId(id: string): string {
  if (!uuid.safeParse(id).success) throw new NotFoundError('Project');
  return id;
}
