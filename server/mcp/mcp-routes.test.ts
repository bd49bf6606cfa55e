import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { Hono } from 'hono';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { RetrievalResult } from '../../knowledge/retrieval/hybrid-retriever.ts';
import type { Agent } from '../agents/agent.ts';
import type { User } from '../../protocol/user.ts';
import { UnauthenticatedError } from '../errors/unauthenticated-error.ts';
import { errorHandler } from '../http/error-handler.ts';
import type { KilnMcpServices } from './kiln-mcp-server.ts';
import { mcpRoutes } from './mcp-routes.ts';

const log = pino({ level: 'silent' });
const user: User = { id: 'u1', email: 'dev@example.com', name: null, role: 'member', createdAt: new Date(0) };
const debounce = {
  id: 'ts-debounce',
  title: 'Debounce a function',
  language: 'typescript',
  summary: 'Waits for quiet.',
  code: 'export function debounce() {}',
};

function appWith(services: KilnMcpServices | undefined) {
  return new Hono().route('/mcp', mcpRoutes({ services: () => services, log })).onError(errorHandler(log));
}

function twins() {
  const searches: unknown[] = [];
  const questions: { message: string; userId: string }[] = [];
  const services: KilnMcpServices = {
    auth: {
      authenticateSession: async (token) => {
        if (token === 'good-token') return { user, sessionId: 'session-1', kind: 'session', scopes: 'all' };
        if (token === 'search-key') return { user, sessionId: 'key:1', kind: 'api-key', scopes: ['patterns:read'] };
        if (token === 'runs-key') return { user, sessionId: 'key:2', kind: 'api-key', scopes: ['runs'] };
        throw new UnauthenticatedError();
      },
    },
    retriever: {
      search: async (query, options): Promise<RetrievalResult> => {
        searches.push({ query, ...options });
        return {
          results: [{ pattern: debounce as never, score: 14.2, sources: { vector: 0.8, text: 0.3 }, relevance: 0.9 }],
          notices: [],
        };
      },
    },
    ask: {
      async *run(context) {
        questions.push({ message: context.message, userId: context.user.id });
        yield {
          type: 'retrieval',
          citations: [
            {
              patternId: 'ts-debounce',
              title: 'Debounce a function',
              language: 'typescript',
              score: 14.2,
              sources: {},
            },
          ],
        };
        yield { type: 'text.delta', delta: 'Use a timer ' };
        yield { type: 'text.delta', delta: 'that restarts on every call.' };
        return { finishReason: 'stop', usage: { inputTokens: 0, outputTokens: 0 } };
      },
    } satisfies Agent,
  };
  return { services, searches, questions };
}

async function clientOf(app: Hono, token?: string) {
  const client = new Client({ name: 'test', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL('http://kiln.test/mcp'), {
    fetch: async (url, init) => app.request(String(url), init),
    requestInit: token ? { headers: { Authorization: `Bearer ${token}` } } : undefined,
  });
  await client.connect(transport);
  return client;
}

describe('/mcp', () => {
  it("serves search_patterns with the retriever's results, for a signed-in client", async () => {
    const { services, searches } = twins();
    const client = await clientOf(appWith(services), 'good-token');
    const result = await client.callTool({
      name: 'search_patterns',
      arguments: { query: 'debounce a function in python', k: 2 },
    });
    expect(result.structuredContent).toEqual({
      results: [{ ...debounce, score: 14.2, sources: { vector: 0.8, text: 0.3 }, relevance: 0.9 }],
      notices: [],
    });
    expect(searches).toEqual([{ query: 'debounce a function in python', k: 2, language: undefined, prefer: 'python' }]);
    await client.close();
  });

  it('runs the ask agent as the signed-in user and returns its whole answer with the cited patterns', async () => {
    const { services, questions } = twins();
    const client = await clientOf(appWith(services), 'good-token');
    const result = await client.callTool({ name: 'ask', arguments: { question: 'How do I debounce?' } });
    expect(questions).toEqual([{ message: 'How do I debounce?', userId: 'u1' }]);
    expect((result.content as { text: string }[])[0]!.text).toBe(
      'Use a timer that restarts on every call.\n\nPatterns cited:\n- Debounce a function (ts-debounce, typescript, score 14.2)',
    );
    await client.close();
  });

  it('answers 401 without a valid token, 405 to GET, and 503 while Kiln starts', async () => {
    const { services } = twins();
    await expect(clientOf(appWith(services))).rejects.toThrow();
    const unauthenticated = await appWith(services).request('/mcp', { method: 'POST', body: '{}' });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('www-authenticate')).toBe('Bearer realm="kiln"');
    const get = await appWith(services).request('/mcp', {
      headers: { authorization: 'Bearer good-token', accept: 'text/event-stream' },
    });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await appWith(undefined).request('/mcp', { method: 'POST' })).status).toBe(503);
  });

  it('shows an API key only the tools its scopes allow, and refuses a key with neither scope (403 naming them)', async () => {
    const { services } = twins();
    const searchOnly = await clientOf(appWith(services), 'search-key');
    expect((await searchOnly.listTools()).tools.map((tool) => tool.name)).toEqual(['search_patterns']);
    const refused = await appWith(services).request('/mcp', {
      method: 'POST',
      headers: { authorization: 'Bearer runs-key', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/patterns:read.*chat/);
  });
});
