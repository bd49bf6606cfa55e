import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. "/users?page=2". */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type TestHandler = (req: RecordedRequest, res: ServerResponse<IncomingMessage>) => void | Promise<void>;

export interface TestServer {
  /** Base URL without a trailing slash, e.g. "http://127.0.0.1:54321". */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * Starts a server on an OS-chosen free port (port 0: no clashes between parallel tests), bound to 127.0.0.1
 * so it is not reachable from outside. The handler sees the request with its body already read.
 */
export async function startTestServer(handler: TestHandler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const recorded = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
    requests.push(recorded);
    try {
      await handler(recorded, res);
    } catch (error) {
      // Surface handler bugs as 500s instead of a hanging request.
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections(); // keep-alive sockets would otherwise keep close() waiting
      }),
  };
}
