import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { chromaQueryEndpoint } from './chroma-query-endpoint.ts';

const collection = { tenant: 'default_tenant', database: 'default_database', id: 'c0ffee' };
const body = { query_embeddings: [[0.6, 0.8]], n_results: 2, include: ['distances'] as ['distances'] };
let server: http.Server | undefined;

/** A stand-in for Chroma's HTTP API that answers each request with `answer`, recording what it was sent. */
async function chroma(answer: (request: { url: string; body: unknown }, response: http.ServerResponse) => void) {
  const received: { url: string; body: unknown }[] = [];
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const seen = { url: request.url!, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
      received.push(seen);
      answer(seen, response);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

describe('chromaQueryEndpoint', () => {
  it("posts the query to the collection's query path and returns Chroma's answer", async () => {
    const { url, received } = await chroma((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ids: [['a', 'b']], distances: [[0.1, 0.4]], include: ['distances'] }));
    });
    const query = chromaQueryEndpoint(url);
    expect(await query(collection, { ...body, where: { language: 'python' } })).toMatchObject({
      ids: [['a', 'b']],
      distances: [[0.1, 0.4]],
    });
    // The second query reuses the kept-alive connection; both arrive whole.
    await query(collection, body);
    expect(received.map((request) => request.url)).toEqual([
      '/api/v2/tenants/default_tenant/databases/default_database/collections/c0ffee/query',
      '/api/v2/tenants/default_tenant/databases/default_database/collections/c0ffee/query',
    ]);
    expect(received[0]!.body).toEqual({ ...body, where: { language: 'python' } });
  });

  it("turns Chroma's refusals into errors that carry its message", async () => {
    const { url } = await chroma((_, response) => {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          error: 'InvalidArgumentError',
          message: 'Collection expecting embedding with dimension of 1024, got 2',
        }),
      );
    });
    await expect(chromaQueryEndpoint(url)(collection, body)).rejects.toThrow(
      'Chroma answered 400 to a query: Collection expecting embedding with dimension of 1024, got 2',
    );
  });

  it('says when Chroma cannot be reached or does not answer in time', async () => {
    const { url } = await chroma(() => {
      // Never answers.
    });
    await expect(chromaQueryEndpoint(url, { timeoutMs: 50 })(collection, body)).rejects.toThrow(
      'Chroma did not answer a query within 50 ms',
    );
    server!.closeAllConnections();
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    await expect(chromaQueryEndpoint(url)(collection, body)).rejects.toThrow(
      /^cannot reach Chroma at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)$/,
    );
  });
});
