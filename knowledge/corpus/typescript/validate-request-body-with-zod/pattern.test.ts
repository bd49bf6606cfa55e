import { describe, expect, it } from 'vitest';
import { createUserBody, readJsonBody, validateBody } from './pattern.ts';

const post = (body: string, contentType = 'application/json') =>
  new Request('http://localhost/users', { method: 'POST', headers: { 'content-type': contentType }, body });

describe('validateBody', () => {
  it('returns typed data with defaults applied and strings trimmed', () => {
    const result = validateBody(createUserBody, { email: 'ada@example.com', name: '  Ada  ' });
    expect(result).toEqual({ ok: true, data: { email: 'ada@example.com', name: 'Ada', roles: ['viewer'] } });
  });

  it('reports every invalid field with its path, without throwing', () => {
    const result = validateBody(createUserBody, { email: 'nope', name: '', age: 12.5, roles: ['viewer', 'root'] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.status).toBe(400);
    expect(result.errors.map((error) => error.path).sort()).toEqual(['age', 'email', 'name', 'roles.1']);
  });

  it('rejects unknown keys instead of silently stripping them', () => {
    const result = validateBody(createUserBody, { email: 'ada@example.com', name: 'Ada', isAdmin: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/isAdmin/);
  });

  it('rejects a body that is not an object', () => {
    const result = validateBody(createUserBody, null);
    expect(result).toMatchObject({ ok: false, status: 400, errors: [{ path: '' }] });
  });
});

describe('readJsonBody', () => {
  it('parses and validates a JSON request', async () => {
    const result = await readJsonBody(post('{"email":"ada@example.com","name":"Ada","roles":["admin"]}'), createUserBody);
    expect(result).toEqual({ ok: true, data: { email: 'ada@example.com', name: 'Ada', roles: ['admin'] } });
  });

  it('accepts a charset parameter and +json media types', async () => {
    const body = '{"email":"ada@example.com","name":"Ada"}';
    expect((await readJsonBody(post(body, 'application/json; charset=utf-8'), createUserBody)).ok).toBe(true);
    expect((await readJsonBody(post(body, 'application/merge-patch+json'), createUserBody)).ok).toBe(true);
  });

  it('answers 415 for a non-JSON content type and 400 for malformed JSON', async () => {
    expect(await readJsonBody(post('email=a', 'application/x-www-form-urlencoded'), createUserBody)).toMatchObject({ ok: false, status: 415 });
    expect(await readJsonBody(post('application/jsonp', 'application/jsonp'), createUserBody)).toMatchObject({ ok: false, status: 415 });
    expect(await readJsonBody(post('{"email":'), createUserBody)).toMatchObject({ ok: false, status: 400 });
  });
});
