import { randomUUID } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { HybridRetriever } from '../../knowledge/retrieval/hybrid-retriever.ts';
import { languageNamedIn } from '../../knowledge/retrieval/language-hint.ts';
import type { Agent } from '../agents/agent.ts';
import type { AuthenticatedSession, AuthService } from '../auth/auth-service.ts';
import { hasScope } from '../auth/require-scope.ts';
import type { Citation } from '../../protocol/turn-events.ts';
import { KilnError } from '../errors/kiln-error.ts';
import { kilnVersion } from '../version.ts';

/** What Kiln's own MCP server answers from. */
export interface KilnMcpServices {
  auth: Pick<AuthService, 'authenticateSession'>;
  retriever: Pick<HybridRetriever, 'search'>;
  /** The ask agent, run to completion for the `ask` tool. */
  ask: Agent;
  /** The user's role in a project (undefined: not a member, so the project is not theirs to search). */
  projectRoleOf?: (projectId: string, userId: string) => Promise<string | undefined>;
}

const patternSchema = z.object({
  id: z.string(),
  title: z.string(),
  language: z.string(),
  score: z.number(),
  /** Roughly the probability that the pattern answers the query (0–1); Kiln's chat cites only hits above its threshold. */
  relevance: z.number(),
  sources: z.object({ vector: z.number().optional(), text: z.number().optional(), graph: z.number().optional() }),
  summary: z.string(),
  code: z.string(),
});

/**
 * Kiln as an MCP server for one signed-in user: `search_patterns` (the hybrid
 * retriever's results) and `ask` (the ask agent's whole answer, with the
 * patterns it cites). A fresh server per request (stateless). An API key sees
 * only the tools its scopes allow: search needs `patterns:read`, ask `chat`.
 */
export function createKilnMcpServer(
  services: KilnMcpServices,
  session: Pick<AuthenticatedSession, 'user' | 'scopes'>,
  log: Logger,
): McpServer {
  const server = new McpServer({ name: 'kiln', version: kilnVersion });
  const { user } = session;

  if (hasScope(session, 'patterns:read'))
    server.registerTool(
      'search_patterns',
      {
        title: 'Search Kiln patterns',
        description:
          "Searches Kiln's store of tested code patterns (vector, full-text and graph search, ranked by proven success). Returns each pattern's id, title, language, score, summary and code.",
        inputSchema: {
          query: z.string().min(1).max(2_000).describe('What the code should do, e.g. "debounce a function"'),
          k: z.number().int().min(1).max(20).optional().describe('How many patterns to return (default 5)'),
          language: z
            .string()
            .optional()
            .describe('Only patterns in this language: typescript, javascript, python, sql or shell'),
          projectId: z
            .uuid()
            .optional()
            .describe("Search this project (one of yours) first, then Kiln's shared patterns"),
        },
        outputSchema: { results: z.array(patternSchema), notices: z.array(z.string()) },
        annotations: { readOnlyHint: true, openWorldHint: false },
      },
      async ({ query, k, language, projectId }) => {
        if (projectId && !(await services.projectRoleOf?.(projectId, user.id)))
          return {
            content: [{ type: 'text', text: 'There is no project with that id among yours.' }],
            isError: true,
          };
        const { results, notices } = await services.retriever.search(query, {
          k: k ?? 5,
          language,
          prefer: language ? undefined : languageNamedIn(query),
          projectId,
        });
        const patterns = results.map(({ pattern, score, relevance, sources }) => ({
          id: pattern.id,
          title: pattern.title,
          language: pattern.language,
          score,
          relevance,
          sources,
          summary: pattern.summary,
          code: pattern.code,
        }));
        const structured = { results: patterns, notices };
        return {
          content: [{ type: 'text', text: JSON.stringify(structured, null, 2) }],
          structuredContent: structured,
        };
      },
    );

  if (hasScope(session, 'chat'))
    server.registerTool(
      'ask',
      {
        title: 'Ask Kiln',
        description:
          'Asks Kiln a coding question. The answer is grounded in its tested patterns and lists the ones it drew on.',
        inputSchema: {
          question: z.string().min(1).max(32_000).describe('The question, as you would ask it in the chat'),
        },
        outputSchema: {
          answer: z.string(),
          citations: z.array(
            z.object({ patternId: z.string(), title: z.string(), language: z.string(), score: z.number() }),
          ),
        },
        annotations: { readOnlyHint: true, openWorldHint: false },
      },
      async ({ question }, extra) => {
        let answer = '';
        let citations: Citation[] = [];
        try {
          // Not a chat turn: nothing is stored, so the ids only name this run.
          const events = services.ask.run({
            turnId: randomUUID(),
            conversationId: randomUUID(),
            user,
            message: question,
            history: [],
            signal: extra.signal,
          });
          for await (const event of events) {
            if (event.type === 'text.delta') answer += event.delta;
            else if (event.type === 'retrieval') citations = event.citations;
          }
        } catch (error) {
          if (error instanceof KilnError || extra.signal.aborted) throw error;
          log.error({ err: error }, 'the MCP ask tool failed');
          throw new Error('Kiln could not answer; the server log has the details.', { cause: error });
        }
        const sources = citations.map(
          (citation) => `- ${citation.title} (${citation.patternId}, ${citation.language}, score ${citation.score})`,
        );
        const text = sources.length ? `${answer.trimEnd()}\n\nPatterns cited:\n${sources.join('\n')}` : answer;
        const cited = citations.map(({ patternId, title, language, score }) => ({ patternId, title, language, score }));
        return { content: [{ type: 'text', text }], structuredContent: { answer, citations: cited } };
      },
    );
  return server;
}
