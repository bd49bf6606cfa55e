import type { Project, ProjectMember, ProjectSource } from '$protocol/project.ts';
import type { ProjectsApi } from '../api/projects-api.ts';
import { isLaterState } from './source-status.ts';

/**
 * The signed-in user's projects, loaded the first time a view needs them (the Projects page, the chat's project
 * picker, a sidebar conversation attached to a project) and kept current by the socket's `project:source`
 * updates. A reconnect refetches them: updates sent while offline are lost.
 */
export class ProjectList {
  items = $state<Project[]>([]);
  loaded = $state(false);
  error = $state<string | null>(null);

  private firstLoad: Promise<void> | null = null;
  private generation = 0;

  constructor(private readonly api: ProjectsApi) {}

  /** Loads the list once; later calls share that load. */
  ensureLoaded(): Promise<void> {
    this.firstLoad ??= this.reload();
    return this.firstLoad;
  }

  async reload(): Promise<void> {
    const generation = ++this.generation;
    try {
      const { projects } = await this.api.list();
      if (generation !== this.generation) return;
      this.items = projects.map((project) => this.merged(project));
      this.error = null;
    } catch (error) {
      if (generation === this.generation) this.error = (error as Error).message;
    } finally {
      if (generation === this.generation) this.loaded = true;
    }
  }

  /** After a reconnect: updates sent while offline are lost (nothing to refetch when nothing was loaded). */
  refreshIfLoaded() {
    if (this.firstLoad || this.items.length) void this.reload();
  }

  find(id: string): Project | undefined {
    return this.items.find((project) => project.id === id);
  }

  /** Fetches one project anew; a project that is gone (or no longer shared) leaves the list. */
  async refresh(id: string): Promise<Project> {
    try {
      return this.put(await this.api.get(id));
    } catch (error) {
      if ((error as { status?: number }).status === 404) this.forget(id);
      throw error;
    }
  }

  async create(name: string): Promise<Project> {
    return this.put(await this.api.create(name));
  }

  async rename(id: string, name: string): Promise<void> {
    this.put(await this.api.rename(id, name));
  }

  async remove(id: string): Promise<void> {
    await this.api.remove(id);
    this.forget(id);
  }

  /** A source's new state, from the socket or from the request that queued it; an older state is ignored. */
  applySource(source: ProjectSource) {
    const project = this.find(source.projectId);
    if (!project) {
      // A project shared with this user since the list loaded.
      if (this.firstLoad) void this.reload();
      return;
    }
    const index = project.sources.findIndex((candidate) => candidate.id === source.id);
    if (index < 0) project.sources.push(source);
    else if (isLaterState(source, project.sources[index]!)) project.sources[index] = source;
    project.patterns = patternsOf(project);
  }

  /** Ingests a source again (only its changed files are indexed anew). */
  async reingestSource(source: ProjectSource): Promise<void> {
    this.applySource(await this.api.reingestSource(source.projectId, source.id));
  }

  async removeSource(source: ProjectSource): Promise<void> {
    await this.api.removeSource(source.projectId, source.id);
    const found = this.find(source.projectId);
    if (!found) return;
    found.sources = found.sources.filter((candidate) => candidate.id !== source.id);
    found.patterns = patternsOf(found);
  }

  /** A member added, or one whose role changed. */
  putMember(projectId: string, member: ProjectMember) {
    const project = this.find(projectId);
    if (!project) return;
    const index = project.members.findIndex((candidate) => candidate.userId === member.userId);
    if (index < 0) project.members.push(member);
    else project.members[index] = member;
  }

  forgetMember(projectId: string, userId: string) {
    const project = this.find(projectId);
    if (project) project.members = project.members.filter((member) => member.userId !== userId);
  }

  private put(project: Project): Project {
    const index = this.items.findIndex((candidate) => candidate.id === project.id);
    if (index < 0) this.items.push(project);
    else this.items[index] = this.merged(project);
    // The proxied copy in the list, which later updates change.
    return this.find(project.id)!;
  }

  /** A project as the server answered it, keeping any later source state the socket brought meanwhile. */
  private merged(project: Project): Project {
    const known = new Map(this.find(project.id)?.sources.map((source) => [source.id, source]));
    let kept = false;
    const sources = project.sources.map((source) => {
      const current = known.get(source.id);
      if (!current || current.updatedAt === source.updatedAt || !isLaterState(current, source)) return source;
      kept = true;
      return $state.snapshot(current);
    });
    return kept ? { ...project, sources, patterns: patternsOf({ ...project, sources }) } : project;
  }

  private forget(id: string) {
    this.items = this.items.filter((project) => project.id !== id);
  }
}

const patternsOf = (project: Project) => project.sources.reduce((sum, source) => sum + source.counts.patterns, 0);
