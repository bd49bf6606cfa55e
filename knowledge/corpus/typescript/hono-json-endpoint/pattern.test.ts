import { describe, expect, it } from 'vitest';
import { createApp } from './pattern.ts';

const post = (app: ReturnType<typeof createApp>, body: string, contentType = 'application/json') =>
  app.request('/todos', { method: 'POST', body, headers: { 'content-type': contentType } });

describe('todo JSON API', () => {
  it('creates a todo with defaults and returns 201 with a Location', async () => {
    const app = createApp();
    const res = await post(app, JSON.stringify({ title: '  write tests ' }));
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe('/todos/1');
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ id: 1, title: 'write tests', done: false });

    const fetched = await app.request('/todos/1');
    expect(await fetched.json()).toEqual({ id: 1, title: 'write tests', done: false });
  });

  it('answers 400 with field errors for an invalid body', async () => {
    const res = await post(createApp(), JSON.stringify({ title: '', done: 'yes' }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; issues: Record<string, string[]> };
    expect(body.error).toBe('Invalid body');
    expect(Object.keys(body.issues).sort()).toEqual(['done', 'title']);
  });

  it('answers 400 in JSON for malformed JSON', async () => {
    const res = await post(createApp(), '{"title": ');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'Malformed JSON in request body' });
  });

  it('treats a body without a JSON content type as empty', async () => {
    const res = await post(createApp(), JSON.stringify({ title: 'x' }), 'text/plain');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { issues: object }).issues).toHaveProperty('title');
  });

  it('answers 404 in JSON for a missing todo and an unknown route', async () => {
    const app = createApp();
    const missing = await app.request('/todos/99');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'Todo not found' });
    const unknown = await app.request('/nope');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'Not found' });
  });
});
