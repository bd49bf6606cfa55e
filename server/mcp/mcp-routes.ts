import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { Hono } from 'hono';
import type { Logger } from 'pino';
import { requestCredential } from '../auth/request-credential.ts';
import { hasScope } from '../auth/require-scope.ts';
import { ForbiddenError } from '../errors/forbidden-error.ts';
import { UnavailableError } from '../errors/unavailable-error.ts';
import { createKilnMcpServer, type KilnMcpServices } from './kiln-mcp-server.ts';

/**
 * `/mcp`: Kiln over MCP's Streamable HTTP transport, stateless (a fresh server
 * and transport per request, JSON answers, no session). Every request needs the
 * same bearer token as the REST API; without one it is a 401. Only POST is
 * served: a stateless server has no stream to offer on GET (405, which MCP
 * clients expect).
 */
export function mcpRoutes(options: { services: () => KilnMcpServices | undefined; log: Logger }) {
  return new Hono().all('/', async (c) => {
    const services = options.services();
    if (!services) throw new UnavailableError('Kiln is still starting; try again in a few seconds.');
    const session = await services.auth.authenticateSession(requestCredential(c)?.token).catch((error: unknown) => {
      // The 401 says how to authenticate, as HTTP and MCP clients expect.
      c.header('WWW-Authenticate', 'Bearer realm="kiln"');
      throw error;
    });
    if (c.req.method !== 'POST') {
      return c.json(
        {
          jsonrpc: '2.0',
          error: { code: -32000, message: 'Method not allowed: this MCP endpoint is stateless; send POST requests.' },
          id: null,
        },
        405,
        { Allow: 'POST' },
      );
    }
    if (!hasScope(session, 'chat') && !hasScope(session, 'patterns:read')) {
      throw new ForbiddenError('This API key lacks the "patterns:read" and "chat" scopes; /mcp needs one of them.');
    }
    const server = createKilnMcpServer(services, session, options.log);
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    await server.connect(transport);
    try {
      // With JSON answers the response is complete once this resolves.
      return await transport.handleRequest(c.req.raw);
    } finally {
      await server.close();
    }
  });
}
