import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z, ZodError } from 'zod';
import { fetchJson, HttpError, InvalidJsonError } from './pattern.ts';

const User = z.object({ id: z.number(), name: z.string() });
let server: Server;
let base: string;
const seen: { method?: string; accept?: string; contentType?: string; body: string }[] = [];

beforeAll(async () => {
  server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    seen.push({ method: req.method, accept: req.headers.accept, contentType: req.headers['content-type'], body });
    const json = (status: number, value: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    if (req.url === '/user') return json(200, { id: 1, name: 'Ada' });
    if (req.url === '/echo') return json(201, { id: 2, ...JSON.parse(body) });
    if (req.url === '/wrong-shape') return json(200, { id: '1' });
    if (req.url === '/html') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><p>proxy</p>');
    if (req.url === '/empty') return void res.writeHead(204).end();
    json(404, { error: 'no such user' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('fetchJson', () => {
  it('returns the validated body and asks for JSON', async () => {
    await expect(fetchJson(`${base}/user`, User)).resolves.toEqual({ id: 1, name: 'Ada' });
    expect(seen.at(-1)?.accept).toBe('application/json');
  });

  it('sends a JSON body with a content type', async () => {
    const user = await fetchJson(`${base}/echo`, User, { method: 'POST', body: JSON.stringify({ name: 'Grace' }) });
    expect(user).toEqual({ id: 2, name: 'Grace' });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', contentType: 'application/json' });
  });

  it('throws HttpError with status and body for non-2xx', async () => {
    const error = await fetchJson(`${base}/missing`, User).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 404, body: '{"error":"no such user"}' });
    expect((error as HttpError).message).toContain('no such user');
  });

  it('throws InvalidJsonError for a non-JSON 200', async () => {
    await expect(fetchJson(`${base}/html`, User)).rejects.toBeInstanceOf(InvalidJsonError);
  });

  it('rejects a body of the wrong shape', async () => {
    await expect(fetchJson(`${base}/wrong-shape`, User)).rejects.toBeInstanceOf(ZodError);
  });

  it('treats an empty 204 as undefined', async () => {
    await expect(fetchJson(`${base}/empty`, z.undefined())).resolves.toBeUndefined();
  });
});
