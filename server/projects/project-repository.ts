import type { Sql } from '../../platform/database/sql-query.ts';
import type {
  Project,
  ProjectMember,
  ProjectRole,
  ProjectSource,
  ProjectSourceCounts,
  ProjectSourceStatus,
  ProjectSourceType,
} from '../../protocol/project.ts';

type SourceRow = {
  id: string;
  project_id: string;
  type: ProjectSourceType;
  location: string;
  directory: string;
  status: ProjectSourceStatus;
  counts: Partial<ProjectSourceCounts>;
  error: string | null;
  created_at: Date;
  updated_at: Date;
  ingested_at: Date | null;
};

/** A source with where its files are on this server (never shown to users: it may reveal the data directory). */
export interface StoredSource extends ProjectSource {
  directory: string;
}

export const emptyCounts: ProjectSourceCounts = {
  filesFound: 0,
  filesDone: 0,
  filesIndexed: 0,
  filesUnchanged: 0,
  filesSkipped: 0,
  patterns: 0,
};

const toSource = (row: SourceRow): StoredSource => ({
  id: row.id,
  projectId: row.project_id,
  type: row.type,
  location: row.location,
  directory: row.directory,
  status: row.status,
  counts: { ...emptyCounts, ...row.counts },
  error: row.error,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
  ingestedAt: row.ingested_at?.toISOString() ?? null,
});

/** The public view of a stored source. */
export const sourceView = ({ directory: _directory, ...source }: StoredSource): ProjectSource => source;

const sourceColumns =
  'id, project_id, type, location, directory, status, counts, error, created_at, updated_at, ingested_at';

/** Projects, members and sources in Postgres. Access rules are the service's; this only reads and writes. */
export class ProjectRepository {
  constructor(private readonly sql: Sql) {}

  /** Creates a project with its creator as owner. */
  async create(name: string, ownerId: string): Promise<string> {
    return this.sql.transaction(async (query) => {
      const [row] = await query(`INSERT INTO projects (name, created_by) VALUES ($1, $2) RETURNING id`, [
        name,
        ownerId,
      ]);
      const id = String(row!.id);
      await query(`INSERT INTO project_members (project_id, user_id, role) VALUES ($1, $2, 'owner')`, [id, ownerId]);
      return id;
    });
  }

  /** The user's role in the project, or undefined when they are not a member (or there is no such project). */
  async roleOf(projectId: string, userId: string): Promise<ProjectRole | undefined> {
    const [row] = await this.sql.query(
      `SELECT role FROM project_members WHERE project_id = $1 AND user_id = $2`,
      [projectId, userId],
      { prepared: true },
    );
    return row ? (row.role as ProjectRole) : undefined;
  }

  /** Ids of the projects the user is a member of. */
  async projectIdsOf(userId: string): Promise<string[]> {
    const rows = await this.sql.query(`SELECT project_id FROM project_members WHERE user_id = $1`, [userId]);
    return rows.map((row) => String(row.project_id));
  }

  /** The project as a member sees it (with the caller's role), or undefined when `userId` is not a member. */
  async find(projectId: string, userId: string): Promise<Project | undefined> {
    return (await this.views([projectId], userId))[0];
  }

  /** Every project the user is a member of, by name. */
  async listFor(userId: string): Promise<Project[]> {
    return this.views(await this.projectIdsOf(userId), userId);
  }

  private async views(projectIds: string[], userId: string): Promise<Project[]> {
    if (projectIds.length === 0) return [];
    const [projects, members, sources, patterns] = await Promise.all([
      this.sql.query(
        `SELECT p.id, p.name, p.created_at, p.updated_at, m.role
         FROM projects p JOIN project_members m ON m.project_id = p.id AND m.user_id = $2
         WHERE p.id = ANY($1::uuid[]) ORDER BY lower(p.name), p.id`,
        [projectIds, userId],
      ),
      this.sql.query(
        `SELECT m.project_id, m.user_id, m.role, m.added_at, u.email, u.name
         FROM project_members m JOIN users u ON u.id = m.user_id
         WHERE m.project_id = ANY($1::uuid[]) ORDER BY m.added_at, u.email`,
        [projectIds],
      ),
      this.sql.query(
        `SELECT ${sourceColumns} FROM project_sources WHERE project_id = ANY($1::uuid[]) ORDER BY created_at, id`,
        [projectIds],
      ),
      this.sql.query(
        `SELECT project_id, count(*)::int AS patterns FROM patterns WHERE project_id = ANY($1::uuid[]) GROUP BY project_id`,
        [projectIds],
      ),
    ]);
    const patternCounts = new Map(patterns.map((row) => [String(row.project_id), Number(row.patterns)]));
    return projects.map((row) => {
      const id = String(row.id);
      return {
        id,
        name: String(row.name),
        role: row.role as ProjectRole,
        members: members.filter((member) => member.project_id === id).map(toMember),
        sources: (sources as SourceRow[])
          .filter((source) => source.project_id === id)
          .map(toSource)
          .map(sourceView),
        patterns: patternCounts.get(id) ?? 0,
        createdAt: (row.created_at as Date).toISOString(),
        updatedAt: (row.updated_at as Date).toISOString(),
      };
    });
  }

  async rename(projectId: string, name: string): Promise<void> {
    await this.sql.query(`UPDATE projects SET name = $2, updated_at = now() WHERE id = $1`, [projectId, name]);
  }

  /** Deletes the project, its members and sources (its patterns are the caller's to remove first). */
  async delete(projectId: string): Promise<void> {
    await this.sql.query(`DELETE FROM projects WHERE id = $1`, [projectId]);
  }

  /** The project of that name the user owns (the oldest, should there be several). */
  async findOwnedByName(name: string, ownerId: string): Promise<string | undefined> {
    const [row] = await this.sql.query(
      `SELECT p.id FROM projects p JOIN project_members m ON m.project_id = p.id AND m.user_id = $2 AND m.role = 'owner'
       WHERE p.name = $1 ORDER BY p.created_at, p.id LIMIT 1`,
      [name, ownerId],
    );
    return row ? String(row.id) : undefined;
  }

  /** The installation's first admin (who owns what the ingest CLI brings in unless told otherwise). */
  async firstAdmin(): Promise<{ id: string; email: string } | undefined> {
    const [row] = await this.sql.query(
      `SELECT id, email FROM users WHERE role = 'admin' AND disabled_at IS NULL ORDER BY created_at, id LIMIT 1`,
    );
    return row ? { id: String(row.id), email: String(row.email) } : undefined;
  }

  async findUserByEmail(email: string): Promise<{ id: string; email: string } | undefined> {
    const [row] = await this.sql.query(`SELECT id, email FROM users WHERE lower(email) = lower($1)`, [email]);
    return row ? { id: String(row.id), email: String(row.email) } : undefined;
  }

  /** Adds a member or changes their role; returns the member. */
  async setMember(projectId: string, userId: string, role: ProjectRole): Promise<ProjectMember> {
    await this.sql.query(
      `INSERT INTO project_members (project_id, user_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (project_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
      [projectId, userId, role],
    );
    return (await this.member(projectId, userId))!;
  }

  async member(projectId: string, userId: string): Promise<ProjectMember | undefined> {
    const [row] = await this.sql.query(
      `SELECT m.project_id, m.user_id, m.role, m.added_at, u.email, u.name
       FROM project_members m JOIN users u ON u.id = m.user_id WHERE m.project_id = $1 AND m.user_id = $2`,
      [projectId, userId],
    );
    return row ? toMember(row) : undefined;
  }

  async removeMember(projectId: string, userId: string): Promise<void> {
    await this.sql.query(`DELETE FROM project_members WHERE project_id = $1 AND user_id = $2`, [projectId, userId]);
  }

  /** How many owners the project has (a project never loses its last one). */
  async ownerCount(projectId: string): Promise<number> {
    const [row] = await this.sql.query(
      `SELECT count(*)::int AS count FROM project_members WHERE project_id = $1 AND role = 'owner'`,
      [projectId],
    );
    return Number(row!.count);
  }

  async addSource(
    projectId: string,
    source: { type: ProjectSourceType; location: string; directory: string; createdBy: string },
  ): Promise<StoredSource> {
    const [row] = (await this.sql.query(
      `INSERT INTO project_sources (project_id, type, location, directory, created_by) VALUES ($1, $2, $3, $4, $5)
       RETURNING ${sourceColumns}`,
      [projectId, source.type, source.location, source.directory, source.createdBy],
    )) as SourceRow[];
    await this.touch(projectId);
    return toSource(row!);
  }

  async source(sourceId: string): Promise<StoredSource | undefined> {
    const [row] = (await this.sql.query(`SELECT ${sourceColumns} FROM project_sources WHERE id = $1`, [
      sourceId,
    ])) as SourceRow[];
    return row ? toSource(row) : undefined;
  }

  /** Records a source's status and progress; answers the source as it is now (undefined once it was removed). */
  async updateSource(
    sourceId: string,
    change: { status?: ProjectSourceStatus; counts?: ProjectSourceCounts; error?: string | null; ingested?: boolean },
  ): Promise<StoredSource | undefined> {
    const [row] = (await this.sql.query(
      `UPDATE project_sources SET
         status = coalesce($2, status),
         counts = coalesce($3::jsonb, counts),
         error = CASE WHEN $4::boolean THEN $5 ELSE error END,
         ingested_at = CASE WHEN $6::boolean THEN now() ELSE ingested_at END,
         updated_at = now()
       WHERE id = $1 RETURNING ${sourceColumns}`,
      [
        sourceId,
        change.status ?? null,
        change.counts ? JSON.stringify(change.counts) : null,
        change.error !== undefined,
        change.error ?? null,
        change.ingested ?? false,
      ],
    )) as SourceRow[];
    return row ? toSource(row) : undefined;
  }

  async removeSource(sourceId: string): Promise<void> {
    await this.sql.query(`DELETE FROM project_sources WHERE id = $1`, [sourceId]);
  }

  /** Sources of a project (for deleting it). */
  async sourcesOf(projectId: string): Promise<StoredSource[]> {
    const rows = (await this.sql.query(
      `SELECT ${sourceColumns} FROM project_sources WHERE project_id = $1 ORDER BY created_at`,
      [projectId],
    )) as SourceRow[];
    return rows.map(toSource);
  }

  /** Ids of members, for telling them about a source's progress. */
  async memberIds(projectId: string): Promise<string[]> {
    const rows = await this.sql.query(`SELECT user_id FROM project_members WHERE project_id = $1`, [projectId]);
    return rows.map((row) => String(row.user_id));
  }

  /** Sources a stopped process left `ingesting` (their job is gone): to be queued again. */
  async sourcesLeftIngesting(): Promise<StoredSource[]> {
    const rows = (await this.sql.query(
      `SELECT ${sourceColumns} FROM project_sources WHERE status = 'ingesting'`,
    )) as SourceRow[];
    return rows.map(toSource);
  }

  /** The project's id and name when the user is one of its members (what a chat turn in it cites by). */
  async projectOfMember(projectId: string, userId: string): Promise<{ id: string; name: string } | undefined> {
    const [row] = await this.sql.query(
      `SELECT p.id, p.name FROM projects p JOIN project_members m ON m.project_id = p.id AND m.user_id = $2
       WHERE p.id = $1`,
      [projectId, userId],
      { prepared: true },
    );
    return row ? { id: String(row.id), name: String(row.name) } : undefined;
  }

  private async touch(projectId: string) {
    await this.sql.query(`UPDATE projects SET updated_at = now() WHERE id = $1`, [projectId]);
  }
}

const toMember = (row: Record<string, unknown>): ProjectMember => ({
  userId: String(row.user_id),
  email: String(row.email),
  name: (row.name as string | null) ?? null,
  role: row.role as ProjectRole,
  addedAt: (row.added_at as Date).toISOString(),
});
