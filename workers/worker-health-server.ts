import http from 'node:http';

/**
 * `GET /health` for a worker-only process, so a container orchestrator can
 * tell a live worker from a hung one: 200 while it takes jobs, 503 once it is
 * stopping. Listens only when KILN_WORKER_HEALTH_PORT is set.
 */
export function startWorkerHealthServer(port: number, state: () => 'working' | 'stopping') {
  const server = http.createServer((request, response) => {
    if (request.method !== 'GET' || request.url !== '/health') {
      response.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":{"code":"not_found"}}');
      return;
    }
    const current = state();
    response
      .writeHead(current === 'working' ? 200 : 503, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
      .end(JSON.stringify({ status: current }));
  });
  return new Promise<http.Server>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => resolve(server));
  });
}
