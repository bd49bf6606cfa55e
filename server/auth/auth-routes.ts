import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { ApiEnv } from '../http/api-env.ts';
import { clientAddress } from '../http/client-address.ts';
import { readJson } from '../http/read-json.ts';
import { RateLimitedError, retryAfterSeconds } from '../errors/rate-limited-error.ts';
import { AccountDisabledError } from '../errors/account-disabled-error.ts';
import { UnauthenticatedError } from '../errors/unauthenticated-error.ts';
import { ValidationError } from '../errors/validation-error.ts';
import { parseInput } from '../validation/parse-input.ts';
import { requestCredential } from './request-credential.ts';
import { clearSessionCookies, setCsrfCookie, setSessionCookies } from './session-cookies.ts';
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

/**
 * `/api/v1/auth`: register (the first account is admin), login, logout, me. Register and login answer
 * `{ user, token }` (the token for API clients, as a bearer token) and start the browser session in cookies
 * (see setSessionCookies); logout and me take either credential.
 */
export function authRoutes(
  options: AuthRouteOptions = { throttle: new InMemoryLoginThrottle(), passwordChecks: new ConcurrencyLimit(2, 32) },
) {
  /** Runs `check` (one password hash) once the throttle and the hash limit allow it; RateLimitedError otherwise. */
  const throttled = async <T>(c: Context<ApiEnv>, account: string | undefined, check: () => Promise<T>) => {
    const slot = options.passwordChecks.acquire();
    if (!slot) throw new RateLimitedError('The server is busy checking other passwords; try again in a second.', 1_000);
    const decision = await (c.var.services.loginThrottle ?? options.throttle).begin(clientAddress(c), account);
    if (!decision.allowed) {
      void slot.then((release) => release());
      throw new RateLimitedError(
        `Too many attempts; try again in ${retryAfterSeconds(decision.retryAfterMs)} s.`,
        decision.retryAfterMs,
      );
    }
    const release = await slot;
    try {
      const result = await check();
      await decision.attempt.finish(true);
      return result;
    } catch (error) {
      await decision.attempt.finish(false);
      throw error;
    } finally {
      release();
    }
  };

  return (
    new Hono<ApiEnv>()
      .post('/register', async (c) => {
        const body = await readCredentials(c);
        const result = await throttled(c, undefined, () => c.var.services.auth.register(body));
        await c.var.services.audit.record({ action: 'sign-up', actorId: result.user.id, address: clientAddress(c) });
        setSessionCookies(c, result.token);
        return c.json(result, 201);
      })
      .post('/login', async (c) => {
        const body = await readCredentials(c);
        const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : undefined;
        const result = await throttled(c, email, () =>
          c.var.services.auth.login(body).catch(async (error: unknown) => {
            // A wrong password or a disabled account; not a malformed request, which names no account.
            if (error instanceof UnauthenticatedError || error instanceof AccountDisabledError) {
              const detail = { email: email?.slice(0, 254), reason: error.code };
              await c.var.services.audit.record({
                action: 'sign-in-failed',
                actorId: null,
                address: clientAddress(c),
                detail,
              });
            }
            throw error;
          }),
        );
        await c.var.services.audit.record({ action: 'sign-in', actorId: result.user.id, address: clientAddress(c) });
        setSessionCookies(c, result.token);
        return c.json(result);
      })
      .post('/logout', async (c) => {
        const credential = requestCredential(c);
        // Cleared whichever credential came, even when the session has already ended (a 401): the browser drops it.
        clearSessionCookies(c);
        const user = await c.var.services.auth.authenticate(credential?.token);
        await c.var.services.auth.logout(credential!.token);
        await c.var.services.audit.record({ action: 'sign-out', actorId: user.id, address: clientAddress(c) });
        return c.body(null, 204);
      })
      // Public: whether the sign-up page may offer sign-up (`open`), ask for an invite, or say it is closed.
      .get('/signup', async (c) => c.json(await c.var.services.auth.signupStatus()))
      .get('/me', async (c) => {
        const credential = requestCredential(c);
        const user = await c.var.services.auth.authenticate(credential?.token);
        // A page that lost its CSRF cookie (cleared on its own) gets it back when it asks who is signed in.
        if (credential?.via === 'cookie') setCsrfCookie(c, credential.token);
        return c.json({ user });
      })
  );
}

/**
 * The credentials, from a JSON body only: a page on another site can post a form (urlencoded, multipart, text)
 * here without asking, but not JSON, so it cannot sign a browser into the attacker's account (login CSRF).
 */
async function readCredentials(c: Context<ApiEnv>) {
  if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
    throw new ValidationError('Send the credentials as JSON (Content-Type: application/json).');
  }
  return parseInput(credentialLengths, await readJson(c), 'credentials');
}
