import { patternIdOfNode, patternNodeId, type GraphStore } from '../../../knowledge/graph/graph-store.ts';
import type { MigrationGuide } from '../../../knowledge/migrations/migration-guide.ts';
import { migrationGuides } from '../../../knowledge/migrations/migration-guides.ts';
import type { Pattern } from '../../../knowledge/patterns/pattern.ts';
import type { PatternRepository } from '../../../knowledge/patterns/pattern-repository.ts';
import type { HybridRetriever, RetrievedPattern } from '../../../knowledge/retrieval/hybrid-retriever.ts';
import type { Citation } from '../../../protocol/turn-events.ts';
import type { LlmProvider } from '../../llm/llm-provider.ts';
import type { Agent, AgentContext, AgentEvent, AgentResult } from '../agent.ts';
import { configureModelHint, offlineBanner } from '../../llm/offline-notice.ts';
import { retrievePatterns, toCitation, toGrounding } from '../retrieve-patterns.ts';
import { relayModel } from '../stream-text.ts';
import { composeMigrationPlan, composeWhatToMigrate, type StoreFindings } from './compose-plan.ts';
import { detectMigration, type MigrationRequest } from './detect-migration.ts';
import { manifestInMessage, manifestPathIn, parseManifest, type Manifest } from './read-manifest.ts';

/** What the migrate agent reads from the pattern store; each part is optional and its absence degrades the plan. */
export interface MigrateKnowledge {
  retriever?: Pick<HybridRetriever, 'search'>;
  graph?: Pick<GraphStore, 'neighbours'>;
  patterns?: Pick<PatternRepository, 'findByIds'>;
}

export interface MigrateOptions {
  /** Reads a file the user names (their package.json, …), e.g. through the filesystem MCP tool. Without it, such a path is only mentioned. */
  readFile?: (path: string, signal: AbortSignal) => Promise<string>;
  /** The MCP server and tool `readFile` goes through: when given, each read is shown as `tool.call`/`tool.result` events. */
  fileTool?: { server: string; tool: string };
  guides?: readonly MigrationGuide[];
  maxOutputTokens?: number;
}

const systemPrompt = `You are Kiln, a coding assistant, planning a migration with a developer.
Give a numbered, step-by-step plan; for every step say how to verify it (tests, type check, a search for removed APIs).
Start from the plan Kiln prepared below: keep its breaking changes and checks, adapt it to the user's code and question,
and do not invent breaking changes it does not list unless you are sure of them.`;

/**
 * Plans a migration (a version upgrade, a library or language move): reads the manifest pasted in the
 * message (or a file it names, when a reader is given), recognises the migration, gathers Kiln's curated
 * guide and what the pattern store knows (patterns that use the old library, superseding patterns, patterns
 * for the target approach), and answers with a numbered plan: composed with the offline engine, or by the
 * model grounded in the same plan.
 */
export class MigrateAgent implements Agent {
  private readonly guides: readonly MigrationGuide[];

  constructor(
    private readonly provider: LlmProvider,
    private readonly knowledge: MigrateKnowledge = {},
    private readonly options: MigrateOptions = {},
  ) {
    this.guides = options.guides ?? migrationGuides;
  }

  async *run(context: AgentContext): AsyncGenerator<AgentEvent, AgentResult> {
    let manifest = manifestInMessage(context.message);
    let manifestSource = manifest ? `the pasted ${manifest.kind}` : undefined;
    const notes: string[] = [];
    const path = manifest ? undefined : manifestPathIn(context.message);
    if (path) {
      const read = yield* this.readManifest(path, context);
      if (read.manifest) [manifest, manifestSource] = [read.manifest, path];
      if (read.note) notes.push(read.note);
    }
    if (!manifest) {
      for (const message of [...context.history].reverse()) {
        manifest = message.role === 'user' ? manifestInMessage(message.content) : undefined;
        if (manifest) {
          manifestSource = `the ${manifest.kind} you pasted earlier`;
          break;
        }
      }
    }
    const request = detectMigration(context.message, manifest, this.guides);
    const notices: string[] = [];
    const store = request ? await this.findings(request, context.message, notices) : emptyFindings();
    if (this.knowledge.retriever || this.knowledge.graph) {
      yield { type: 'retrieval', citations: store.citations, ...(notices.length ? { notice: notices.join(' ') } : {}) };
    }
    const plan = request
      ? composeMigrationPlan({ request, manifest, manifestSource, store })
      : composeWhatToMigrate(this.guides);
    const body = [...notes.map((note) => `*${note}*`), ...(notes.length ? [''] : []), plan].join('\n');
    return yield* relayModel(
      this.provider,
      {
        system: `${systemPrompt}\n\nKiln's plan:\n\n${body}`,
        messages: [...context.history, { role: 'user', content: context.message }],
        maxOutputTokens: this.options.maxOutputTokens ?? 4096,
        grounding: store.helpful.slice(0, 3).map((pattern) => toGrounding({ pattern })),
        composed: () =>
          [
            offlineBanner("Kiln's curated migration notes and its pattern store"),
            '',
            body,
            '',
            configureModelHint('For a generated answer that reads your code'),
          ].join('\n'),
      },
      context.signal,
    );
  }

  private async *readManifest(
    path: string,
    context: AgentContext,
  ): AsyncGenerator<AgentEvent, { manifest?: Manifest; note?: string }> {
    const { readFile, fileTool } = this.options;
    if (!readFile)
      return {
        note: `You named ${path}, but Kiln cannot read files in this setup: paste its contents for a plan that starts from your versions.`,
      };
    const callId = `${context.turnId}:read-manifest`;
    if (fileTool)
      yield { type: 'tool.call', callId, server: fileTool.server, tool: fileTool.tool, arguments: { path } };
    try {
      const text = await readFile(path, context.signal);
      const manifest = parseManifest(text, kindOfPath(path));
      if (fileTool)
        yield {
          type: 'tool.result',
          callId,
          ok: true,
          summary: manifest ? `read ${path}: ${dependencyCount(manifest)}` : `read ${path}: no dependencies found`,
        };
      return manifest ? { manifest } : { note: `${path} was read, but no dependencies were found in it.` };
    } catch (error) {
      context.signal.throwIfAborted();
      if (fileTool) yield { type: 'tool.result', callId, ok: false, summary: (error as Error).message };
      return {
        note: `${path} could not be read (${(error as Error).message}); the plan does not know your installed versions.`,
      };
    }
  }

  /** The store's findings, each source tolerated failing on its own (named in `notices`). */
  private async findings(
    request: MigrationRequest,
    message: string,
    notices: string[],
  ): Promise<StoreFindings & { citations: Citation[] }> {
    const findings = emptyFindings();
    const { guide } = request;
    const searched = await this.search(request, message, notices);
    const curated = await this.curatedPatterns(guide?.patterns ?? [], notices);
    const helpful = [...curated, ...searched.map((result) => result.pattern)]
      .filter((pattern, index, all) => all.findIndex((other) => other.id === pattern.id) === index)
      .slice(0, 5);
    findings.helpful = helpful;
    const graph = this.knowledge.graph;
    if (graph) {
      try {
        const libraries = (guide?.packages.length ? guide.packages : [request.from.name]).map(
          (name) => `library:${name}`,
        );
        const users = (await graph.neighbours(libraries, { edges: ['USES'], limit: 500 })).filter(
          (neighbour) => neighbour.direction === 'in',
        );
        const affected = users.flatMap((neighbour) => {
          const id = patternIdOfNode(neighbour.node.id);
          return id ? [{ id, title: String(neighbour.node.properties.title ?? id) }] : [];
        });
        findings.affectedTotal = affected.length;
        findings.affected = affected.slice(0, 5);
        findings.replacements = await this.replacements(graph, [
          ...helpful.map(({ id, title }) => ({ id, title })),
          ...affected,
        ]);
      } catch (error) {
        notices.push(
          `The knowledge graph could not be searched (${(error as Error).message}); the plan leaves out which stored patterns are affected.`,
        );
      }
    }
    const best = searched[0]?.score ?? 1;
    const citations: Citation[] = [
      ...helpful.map((pattern) => {
        const hit = searched.find((result) => result.pattern.id === pattern.id);
        return hit
          ? toCitation(hit)
          : { patternId: pattern.id, title: pattern.title, language: pattern.language, score: best, sources: {} };
      }),
    ];
    return { ...findings, citations };
  }

  private async search(request: MigrationRequest, message: string, notices: string[]): Promise<RetrievedPattern[]> {
    if (!this.knowledge.retriever) return [];
    const { guide } = request;
    const query = guide
      ? `${guide.title}. ${guide.summary}`
      : `${request.from.name} ${request.to.name} ${message.replace(/```[\s\S]*?```/g, ' ').slice(0, 200)}`;
    const python = guide?.ecosystem === 'pypi' || guide?.packages.includes('python');
    const retrieved = await retrievePatterns(this.knowledge.retriever, query, {
      k: 5,
      prefer: python ? 'python' : 'typescript',
    });
    if (retrieved.event.notice) notices.push(retrieved.event.notice);
    return retrieved.relevant;
  }

  private async curatedPatterns(ids: string[], notices: string[]): Promise<Pattern[]> {
    if (ids.length === 0 || !this.knowledge.patterns) return [];
    try {
      const found = new Map((await this.knowledge.patterns.findByIds(ids)).map((pattern) => [pattern.id, pattern]));
      return ids.flatMap((id) => found.get(id) ?? []);
    } catch (error) {
      notices.push(`The patterns for this migration could not be read (${(error as Error).message}).`);
      return [];
    }
  }

  /** SUPERSEDES edges around the given patterns: which one to recommend instead of which. */
  private async replacements(
    graph: Pick<GraphStore, 'neighbours'>,
    patterns: { id: string; title: string }[],
  ): Promise<StoreFindings['replacements']> {
    if (patterns.length === 0) return [];
    const titles = new Map(patterns.map((pattern) => [pattern.id, pattern.title]));
    const edges = await graph.neighbours(
      patterns.map((pattern) => patternNodeId(pattern.id)),
      { edges: ['SUPERSEDES'] },
    );
    const pairs = edges.flatMap((edge) => {
      const origin = patternIdOfNode(edge.origin)!;
      const other = { id: patternIdOfNode(edge.node.id)!, title: String(edge.node.properties.title ?? edge.node.id) };
      const self = { id: origin, title: titles.get(origin) ?? origin };
      return [edge.direction === 'out' ? { pattern: self, replaces: other } : { pattern: other, replaces: self }];
    });
    return pairs.filter(
      (pair, index) =>
        pairs.findIndex((other) => other.pattern.id === pair.pattern.id && other.replaces.id === pair.replaces.id) ===
        index,
    );
  }
}

function emptyFindings(): StoreFindings & { citations: Citation[] } {
  return { affected: [], affectedTotal: 0, replacements: [], helpful: [], citations: [] };
}

function dependencyCount(manifest: Manifest): string {
  return `${manifest.dependencies.length} ${manifest.dependencies.length === 1 ? 'dependency' : 'dependencies'}`;
}

function kindOfPath(path: string): Manifest['kind'] | undefined {
  if (path.endsWith('package.json')) return 'package.json';
  if (path.endsWith('pyproject.toml')) return 'pyproject.toml';
  if (/requirements[\w.-]*\.txt$/.test(path)) return 'requirements.txt';
  return undefined;
}
