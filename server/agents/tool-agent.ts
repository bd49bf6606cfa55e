import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { writesCode } from '../llm/engine-kind.ts';
import type { LlmProvider } from '../llm/llm-provider.ts';
import { hideRootPaths } from '../mcp/hide-root-paths.ts';
import { ToolError } from '../mcp/tool-error.ts';
import type { ToolDescription, ToolHost, ToolListing } from '../mcp/tool-host.ts';
import type { Agent, AgentContext, AgentEvent, AgentResult } from './agent.ts';
import { modelToolName, type AgentTool } from './agent-tool.ts';
import { converseWithTools, cut } from './converse-with-tools.ts';
import type { ConfirmTool } from './tool-confirmations.ts';
import { answerFromFailure, answerFromResult, helpAnswer, type ToolCallPlan } from './tool-answer.ts';
import { chooseTool, parseToolRequest, type ToolRequest } from './tool-request.ts';

const noUsage: AgentResult = { finishReason: 'stop', usage: { inputTokens: 0, outputTokens: 0 } };

/** Folders a search or a tree never descends into: huge, and never what the user is looking for. */
const excludedFolders = ['**/node_modules', '**/.git'];

/**
 * Requests answered with MCP tools. With a language model, the model chooses
 * among every tool of every server (native tool calling), in a loop until it
 * answers, at most `maxCalls` calls; a tool not marked read-only runs only
 * once the user confirms it, and a refusal is told to the model.
 *
 * Without a model the planner is deterministic and offline: it maps a file
 * request ("list the files in src", "read notes.md", …) to a read-only tool of
 * the discovered servers by name and schema, emits `tool.call` and
 * `tool.result`, and writes the answer from the real result. A request it
 * cannot map gets the list of tools and how to ask, never a made-up result.
 */
export class ToolAgent implements Agent {
  private readonly newId: () => string;
  /** Roots learned from servers' `list_allowed_directories`, by server. */
  private readonly learnedRoots = new Map<string, string[]>();

  constructor(
    private readonly tools: ToolHost,
    private readonly options: {
      /** The readable folders of servers Kiln configured itself (the built-in filesystem server), by server name. */
      roots?: Record<string, string[]>;
      newId?: () => string;
      /** The model that chooses tools; without one (or with the offline engine) the deterministic planner does. */
      provider?: LlmProvider;
      confirm?: ConfirmTool;
      maxCalls?: number;
    } = {},
  ) {
    this.newId = options.newId ?? randomUUID;
  }

  async *run(context: AgentContext): AsyncGenerator<AgentEvent, AgentResult> {
    const listing = await this.tools.listTools(context.signal);
    const { provider } = this.options;
    if (provider && writesCode(provider.engine)) return yield* this.withModel(provider, listing, context);
    const request = parseToolRequest(context.message);
    const tool = request && chooseTool(request, listing.tools);
    if (!request || !tool) {
      const filesystem = listing.tools.find((candidate) => this.options.roots?.[candidate.server]);
      yield* say(helpAnswer(listing, filesystem ? this.options.roots![filesystem.server]! : [], request));
      return noUsage;
    }

    const roots = yield* this.rootsOf(tool, listing.tools, context.signal);
    const plan = planCall(request, tool, roots);
    const callId = this.newId();
    yield { type: 'tool.call', callId, server: tool.server, tool: tool.name, arguments: plan.args };
    try {
      const output = await this.tools.callTool(tool.server, tool.name, plan.args, context.signal);
      yield { type: 'tool.result', callId, ok: true, summary: summaryOf(output.text) };
      yield* say(answerFromResult(plan, output.text));
    } catch (error) {
      if (!(error instanceof ToolError)) throw error;
      yield { type: 'tool.result', callId, ok: false, summary: hideRootPaths(error.message, roots) };
      yield* say(answerFromFailure(plan, error, roots));
    }
    return noUsage;
  }

  private async *withModel(
    provider: LlmProvider,
    listing: ToolListing,
    context: AgentContext,
  ): AsyncGenerator<AgentEvent, AgentResult> {
    const taken = new Set<string>();
    const tools: AgentTool[] = listing.tools.map((description) => ({
      name: modelToolName(description.server, description.name, taken),
      description: description.description || `${description.name} (MCP server ${description.server})`,
      inputSchema: description.inputSchema,
      server: description.server,
      tool: description.name,
      readOnly: description.readOnly === true,
      call: async (args, signal) =>
        (await this.tools.callTool(description.server, description.name, args, signal)).text,
    }));
    const conversation = yield* converseWithTools(
      provider,
      {
        system: toolSystemPrompt(this.options.roots ?? {}, listing),
        messages: [...context.history, { role: 'user', content: context.message }],
        maxOutputTokens: 4096,
      },
      tools,
      context,
      { confirm: this.options.confirm, maxCalls: this.options.maxCalls ?? 10, newId: this.newId },
    );
    return conversation.result;
  }

  /** The folders a server may read, first the one relative paths start at; asked of the server when Kiln did not configure it. */
  private async *rootsOf(
    tool: ToolDescription,
    tools: ToolDescription[],
    signal: AbortSignal,
  ): AsyncGenerator<AgentEvent, string[]> {
    const known = this.options.roots?.[tool.server] ?? this.learnedRoots.get(tool.server);
    if (known) return known;
    if (!tools.some((candidate) => candidate.server === tool.server && candidate.name === 'list_allowed_directories'))
      return [];
    const callId = this.newId();
    yield { type: 'tool.call', callId, server: tool.server, tool: 'list_allowed_directories', arguments: {} };
    try {
      const { text } = await this.tools.callTool(tool.server, 'list_allowed_directories', {}, signal);
      yield { type: 'tool.result', callId, ok: true, summary: summaryOf(text) };
      const roots = text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => path.isAbsolute(line));
      this.learnedRoots.set(tool.server, roots);
      return roots;
    } catch (error) {
      if (!(error instanceof ToolError)) throw error;
      yield { type: 'tool.result', callId, ok: false, summary: error.message };
      return [];
    }
  }
}

/** What the model is told about its tools: where the file tools may look, which servers are down. */
function toolSystemPrompt(roots: Record<string, string[]>, listing: ToolListing): string {
  const lines = [
    "You are Kiln, a coding assistant with tools (MCP servers). Use them to answer the developer's request from real results; never invent a result.",
    'Prefer reading and searching before writing. A tool that may change something runs only once the user confirms it; if they refuse, do not retry it.',
  ];
  for (const [server, folders] of Object.entries(roots)) {
    if (folders.length) lines.push(`The ${server} server may use these folders: ${folders.join(', ')}.`);
  }
  for (const down of listing.unavailable) lines.push(`The ${down.server} server is unavailable: ${down.reason}.`);
  return lines.join('\n');
}

/** The call's arguments: relative paths resolved against the first root; a bare search word becomes a recursive glob; no dependency folders. */
function planCall(request: ToolRequest, tool: ToolDescription, roots: string[]): ToolCallPlan {
  const root = roots[0];
  const written = request.path;
  const target =
    written === undefined
      ? (root ?? '.')
      : path.isAbsolute(written) || written.startsWith('~') || !root
        ? written
        : path.resolve(root, written);
  const args: Record<string, unknown> = { path: target };
  if (request.kind === 'search') {
    const glob = /[*?[{]/.test(request.pattern) ? request.pattern : `*${request.pattern}*`;
    args.pattern = glob.includes('/') ? glob : `**/${glob}`;
  }
  if (
    (request.kind === 'search' || request.kind === 'tree') &&
    'excludePatterns' in (tool.inputSchema.properties ?? {})
  )
    args.excludePatterns = excludedFolders;
  return { request, tool, args, shownPath: written ?? target };
}

const summaryLength = 2_000;

/** The result as `tool.result` carries it: the real output, cut at 2,000 characters. */
const summaryOf = (text: string) => cut(text, summaryLength);

/** The answer as text deltas, a line at a time. */
function* say(answer: string): Generator<AgentEvent> {
  for (const line of answer.match(/[^\n]*\n|[^\n]+$/g) ?? []) yield { type: 'text.delta', delta: line };
}
