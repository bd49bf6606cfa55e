import http from 'node:http';
import https from 'node:https';

export interface ChromaQueryBody {
  query_embeddings: number[][];
  n_results: number;
  where?: Record<string, unknown>;
  include: ['distances'];
}

export interface ChromaQueryAnswer {
  ids: string[][];
  distances: number[][];
}

/** Where a collection lives on the server: what the chromadb client's `Collection` knows of itself. */
export interface CollectionAddress {
  tenant: string;
  database: string;
  id: string;
}

/**
 * Chroma's query endpoint (`POST /api/v2/tenants/…/collections/{id}/query`)
 * over kept-alive node:http connections. The chromadb client sends every call
 * through WHATWG fetch with a fresh Request object, which here costs about
 * 2 ms of CPU per query against under 1 ms this way (docs/benchmarks.md), and
 * queries are retrieval's hot path. Everything else (create, upsert, delete,
 * count) still goes through the client.
 */
export function chromaQueryEndpoint(baseUrl: string, options: { timeoutMs?: number } = {}) {
  const base = new URL(baseUrl);
  const transport = base.protocol === 'https:' ? https : http;
  const agent = new transport.Agent({ keepAlive: true, maxSockets: 32 });
  const timeoutMs = options.timeoutMs ?? 10_000;
  return (collection: CollectionAddress, body: ChromaQueryBody): Promise<ChromaQueryAnswer> =>
    new Promise((resolve, reject) => {
      const url = new URL(
        `api/v2/tenants/${encodeURIComponent(collection.tenant)}/databases/${encodeURIComponent(collection.database)}/collections/${encodeURIComponent(collection.id)}/query`,
        base.href.endsWith('/') ? base : `${base.href}/`,
      );
      const payload = JSON.stringify(body);
      const request = transport.request(
        url,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (response.statusCode !== 200)
              return reject(new Error(`Chroma answered ${response.statusCode} to a query: ${messageOf(text)}`));
            try {
              resolve(JSON.parse(text) as ChromaQueryAnswer);
            } catch {
              reject(new Error(`Chroma answered a query with something that is not JSON: ${text.slice(0, 200)}`));
            }
          });
        },
      );
      request.setTimeout(timeoutMs, () =>
        request.destroy(new Error(`Chroma did not answer a query within ${timeoutMs} ms`)),
      );
      request.on('error', (error: NodeJS.ErrnoException) =>
        reject(error.code ? new Error(`cannot reach Chroma at ${base.origin} (${error.code})`) : error),
      );
      request.end(payload);
    });
}

function messageOf(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: string; error?: string };
    return body.message ?? body.error ?? text.slice(0, 200);
  } catch {
    return text.slice(0, 200);
  }
}
