import { Hono } from 'hono';
import type { ApiEnv } from '../http/api-env.ts';
import { readJson } from '../http/read-json.ts';
import { bearerToken } from './auth-service.ts';

/** `/api/v1/auth`: register (the first account is admin), login, logout, me. */
export function authRoutes() {
  return new Hono<ApiEnv>()
    .post('/register', async (c) => c.json(await c.var.services.auth.register(await readJson(c)), 201))
    .post('/login', async (c) => c.json(await c.var.services.auth.login(await readJson(c))))
    .post('/logout', async (c) => {
      const token = bearerToken(c.req.header('authorization'));
      await c.var.services.auth.authenticate(token);
      await c.var.services.auth.logout(token!);
      return c.body(null, 204);
    })
    .get('/me', async (c) =>
      c.json({ user: await c.var.services.auth.authenticate(bearerToken(c.req.header('authorization'))) }),
    );
}
