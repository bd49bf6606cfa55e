import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { ApiEnv } from '../http/api-env.ts';
import { clientAddress } from '../http/client-address.ts';
import { readJson } from '../http/read-json.ts';
import { parseInput } from '../validation/parse-input.ts';
import { bearerToken } from './auth-service.ts';
import { ConcurrencyLimit } from './concurrency-limit.ts';
import { InMemoryLoginThrottle, type LoginThrottle } from './login-throttle.ts';

/**
 * Upper bounds checked before anything is hashed; the service's own schemas may be
 * stricter. A passphrase longer than this is not a password but a cost to the server.
 */
const credentialLengths = z.looseObject({
  email: z
    .unknown()
    .refine((email) => typeof email !== 'string' || email.length <= 254, 'must be at most 254 characters'),
  password: z
    .unknown()
    .refine((password) => typeof password !== 'string' || password.length <= 1024, 'must be at most 1,024 characters'),
});

export interface AuthRouteOptions {
  throttle: LoginThrottle;
  /** Sign-ins and sign-ups checking a password at once (each is one scrypt hash). */
  passwordChecks: ConcurrencyLimit;
}

/** `/api/v1/auth`: register (the first account is admin), login, logout, me. */
export function authRoutes(
  options: AuthRouteOptions = { throttle: new InMemoryLoginThrottle(), passwordChecks: new ConcurrencyLimit(2, 32) },
) {
  /** Runs `check` (one password hash) once the throttle and the hash limit allow it; 429 otherwise. */
  const throttled = async <T>(c: Context<ApiEnv>, account: string | undefined, check: () => Promise<T>) => {
    const slot = options.passwordChecks.acquire();
    if (!slot) return rateLimited(c, 1_000, 'The server is busy checking other passwords; try again in a second.');
    const decision = options.throttle.begin(clientAddress(c), account);
    if (!decision.allowed) {
      void slot.then((release) => release());
      return rateLimited(
        c,
        decision.retryAfterMs,
        `Too many attempts; try again in ${retryAfterSeconds(decision.retryAfterMs)} s.`,
      );
    }
    const release = await slot;
    try {
      const result = await check();
      decision.attempt.finish(true);
      return result;
    } catch (error) {
      decision.attempt.finish(false);
      throw error;
    } finally {
      release();
    }
  };

  return new Hono<ApiEnv>()
    .post('/register', async (c) => {
      const body = await readCredentials(c);
      const result = await throttled(c, undefined, () => c.var.services.auth.register(body));
      return result instanceof Response ? result : c.json(result, 201);
    })
    .post('/login', async (c) => {
      const body = await readCredentials(c);
      const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : undefined;
      const result = await throttled(c, email, () => c.var.services.auth.login(body));
      return result instanceof Response ? result : c.json(result);
    })
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

async function readCredentials(c: Context<ApiEnv>) {
  return parseInput(credentialLengths, await readJson(c), 'credentials');
}

const retryAfterSeconds = (milliseconds: number) => Math.max(1, Math.ceil(milliseconds / 1000));

function rateLimited(c: Context<ApiEnv>, retryAfterMs: number, message: string) {
  c.header('Retry-After', String(retryAfterSeconds(retryAfterMs)));
  return c.json({ error: { code: 'rate_limited', message, requestId: c.var.requestId } }, 429);
}
