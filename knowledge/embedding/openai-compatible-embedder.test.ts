import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { OpenAiCompatibleEmbedder } from './openai-compatible-embedder.ts';

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A local server speaking the OpenAI embeddings wire format (vectors out of order, as the API allows). */
async function embeddingsServer(dimension: number, status = 200) {
  const requests: { authorization?: string; body: { model: string; input: string[] } }[] = [];
  server = http.createServer(async (request, response) => {
    let text = '';
    for await (const chunk of request) text += chunk;
    const body = JSON.parse(text) as { model: string; input: string[] };
    requests.push({ authorization: request.headers.authorization, body });
    if (status !== 200) {
      response.writeHead(status, { 'content-type': 'application/json' }).end('{"error":{"message":"model not found"}}');
      return;
    }
    const data = body.input
      .map((input, index) => ({
        object: 'embedding',
        index,
        embedding: Array.from({ length: dimension }, (_, position) => input.length + position),
      }))
      .reverse();
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ object: 'list', data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } }));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/v1`, requests };
}

describe('OpenAiCompatibleEmbedder', () => {
  it('embeds in batches, in input order, and learns the dimension', async () => {
    const { url, requests } = await embeddingsServer(3);
    const embedder = new OpenAiCompatibleEmbedder({
      baseUrl: url,
      model: 'nomic-embed-text',
      apiKey: 'secret',
      batchSize: 2,
    });
    expect(() => embedder.dimension).toThrow(/after the first embed/);
    const vectors = await embedder.embed(['a', 'bb', 'ccc']);
    expect(vectors).toEqual([
      [1, 2, 3],
      [2, 3, 4],
      [3, 4, 5],
    ]);
    expect(embedder.dimension).toBe(3);
    expect(embedder.id).toBe('openai-compatible:nomic-embed-text');
    expect(requests.map((request) => request.body.input)).toEqual([['a', 'bb'], ['ccc']]);
    expect(requests[0]!.authorization).toBe('Bearer secret');
    expect(requests[0]!.body.model).toBe('nomic-embed-text');
  });

  it('says what the endpoint answered when it fails', async () => {
    const { url } = await embeddingsServer(3, 404);
    await expect(new OpenAiCompatibleEmbedder({ baseUrl: url, model: 'missing' }).probe()).rejects.toThrow(
      'the embeddings endpoint answered HTTP 404: {"error":{"message":"model not found"}}',
    );
  });
});
