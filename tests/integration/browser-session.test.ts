import { createHash } from 'node:crypto';
import { io as connectSocketIo, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { numberedTokens, ScriptedProvider } from '../support/scripted-provider.ts';
import { startTestServer } from '../support/test-server.ts';
import { waitFor } from '../support/wait-for.ts';

// The web client's session: HttpOnly cookies with a CSRF token, accepted by REST, /mcp and both sockets; and the
// Content-Security-Policy of its pages.
const provider = new ScriptedProvider();
let kiln: Awaited<ReturnType<typeof startTestServer>>;
const closers: (() => void)[] = [];
const password = 'correct horse battery';

beforeAll(async () => {
  provider.tokens = numberedTokens(3);
  provider.delayMs = 0;
  kiln = await startTestServer({ provider });
});
afterAll(async () => {
  for (const close of closers) close();
  await kiln?.stop();
});

interface BrowserCookies {
  /** The Cookie header a browser would send back. */
  cookie: string;
  csrf: string;
  /** Each Set-Cookie line by cookie name. */
  setCookies: Map<string, string>;
}

function cookiesOf(headers: Headers): BrowserCookies {
  const setCookies = new Map(headers.getSetCookie().map((line) => [line.slice(0, line.indexOf('=')), line]));
  const value = (name: string) => /^[^=]+=([^;]*)/.exec(setCookies.get(name) ?? '')?.[1] ?? '';
  return {
    cookie: `kiln_session=${value('kiln_session')}; kiln_csrf=${value('kiln_csrf')}`,
    csrf: decodeURIComponent(value('kiln_csrf')),
    setCookies,
  };
}

/** Signs up through the API as the web client does, keeping only what a browser would: the cookies. */
async function browserSignUp(email: string) {
  const response = await kiln.api('POST', '/auth/register', { body: { email, password } });
  expect(response.status).toBe(201);
  return { ...cookiesOf(response.headers), bearer: response.json.token as string };
}

const titles = async (bearer: string) =>
  (await kiln.api('GET', '/conversations', { token: bearer })).json.conversations.map(
    (conversation: { title: string }) => conversation.title,
  );

/** A Socket.IO client authenticated only by the Cookie header of its handshake. */
function cookieSocket(cookie: string): Promise<Socket> {
  const client = connectSocketIo(kiln.url, {
    transports: ['websocket'],
    extraHeaders: { cookie },
    reconnection: false,
    forceNew: true,
  });
  closers.push(() => client.close());
  return new Promise((resolve, reject) => {
    client.once('connect', () => resolve(client));
    client.once('connect_error', reject);
  });
}

describe('the browser session in cookies', () => {
  it('sign-in sets an HttpOnly, SameSite=Lax session cookie and a readable CSRF cookie; nothing else is needed after', async () => {
    const { user } = await kiln.register('cookie@example.com');
    const login = await kiln.api('POST', '/auth/login', { body: { email: user.email, password } });
    expect(login.status).toBe(200);
    expect(login.json.token).toMatch(/^kiln_/);
    const { cookie, csrf, setCookies } = cookiesOf(login.headers);

    const session = setCookies.get('kiln_session')!;
    expect(session).toContain(`kiln_session=${login.json.token}`);
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Lax/);
    expect(session).toMatch(/; Path=\//);
    expect(session).toMatch(/; Max-Age=2592000/);
    expect(session).not.toMatch(/; Secure/); // served over plain HTTP here
    const csrfCookie = setCookies.get('kiln_csrf')!;
    expect(csrfCookie).not.toMatch(/HttpOnly/);
    expect(csrfCookie).toMatch(/; SameSite=Lax/);
    expect(csrf.length).toBeGreaterThanOrEqual(32);

    const me = await kiln.api('GET', '/auth/me', { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(me.json.user.email).toBe(user.email);
    // A browser that kept the session cookie but lost the CSRF one gets it back from /auth/me.
    const sessionOnly = await kiln.api('GET', '/auth/me', { headers: { cookie: `kiln_session=${login.json.token}` } });
    expect(cookiesOf(sessionOnly.headers).csrf).toBe(csrf);
    const created = await kiln.api('POST', '/conversations', {
      body: { title: 'By cookie' },
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(created.status).toBe(201);
    expect(created.json.title).toBe('By cookie');
  });

  it('refuses a cookie-authenticated write without the right X-CSRF-Token (403, nothing changes); bearer needs none', async () => {
    const { cookie, csrf, bearer } = await browserSignUp('csrf@example.com');
    const kept = (await kiln.api('POST', '/conversations', { token: bearer, body: { title: 'Kept' } })).json;
    const other = await browserSignUp('other-csrf@example.com');

    const attempts = [
      kiln.api('POST', '/conversations', { body: { title: 'Forged' }, headers: { cookie } }),
      kiln.api('POST', '/conversations', { body: { title: 'Forged' }, headers: { cookie, 'x-csrf-token': 'guess' } }),
      // Another session's token (an attacker's own) is no good either: the token belongs to its session.
      kiln.api('POST', '/conversations', {
        body: { title: 'Forged' },
        headers: { cookie, 'x-csrf-token': other.csrf },
      }),
      kiln.api('PATCH', `/conversations/${kept.id}`, { body: { title: 'Renamed' }, headers: { cookie } }),
      kiln.api('DELETE', `/conversations/${kept.id}`, { headers: { cookie } }),
      kiln.api('POST', '/auth/logout', { headers: { cookie } }),
    ];
    for (const refused of await Promise.all(attempts)) {
      expect(refused.status).toBe(403);
      expect(refused.json.error).toMatchObject({ code: 'csrf_failed', requestId: expect.any(String) });
    }
    expect(await titles(bearer)).toEqual(['Kept']);
    expect((await kiln.api('GET', '/auth/me', { headers: { cookie } })).status).toBe(200);

    const renamed = await kiln.api('PATCH', `/conversations/${kept.id}`, {
      body: { title: 'Renamed' },
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(renamed.status).toBe(200);
    // A bearer token is sent on purpose: no CSRF token, even with a cookie riding along.
    const byBearer = await kiln.api('POST', '/conversations', { token: bearer, body: { title: 'By bearer' } });
    expect(byBearer.status).toBe(201);
    const bearerWithCookie = await kiln.api('POST', '/conversations', {
      token: bearer,
      body: { title: 'Bearer and cookie' },
      headers: { cookie: other.cookie },
    });
    expect(bearerWithCookie.status).toBe(201);
    expect((await titles(bearer)).sort()).toEqual(['Bearer and cookie', 'By bearer', 'Renamed']);
  });

  it('accepts sign-in only as JSON, so a form on another site cannot sign a browser in', async () => {
    await kiln.register('form@example.com');
    const response = await fetch(`${kiln.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ email: 'form@example.com', password }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('authenticates Socket.IO and the raw WebSocket by the cookie', async () => {
    const { cookie, bearer } = await browserSignUp('sockets@example.com');
    const socket = await cookieSocket(cookie);
    const conversation = (await kiln.api('POST', '/conversations', { token: bearer, body: {} })).json;
    const joined = await socket.emitWithAck('conversation:join', { conversationId: conversation.id });
    expect(joined).toEqual({ ok: true });
    await expect(cookieSocket('kiln_session=kiln_not-a-session')).rejects.toThrow();

    const raw = new WebSocket(`${kiln.url.replace('http', 'ws')}/api/v1/ws`, { headers: { cookie } });
    closers.push(() => raw.terminate());
    const frames: { type: string; user?: { email: string } }[] = [];
    raw.on('message', (data) => frames.push(JSON.parse(String(data))));
    await waitFor(() => frames.some((frame) => frame.type === 'authenticated'));
  });

  it('logout clears both cookies; the cookie then gets 401 and its Socket.IO connection ends', async () => {
    const { cookie, csrf } = await browserSignUp('logout@example.com');
    const socket = await cookieSocket(cookie);
    let disconnected: string | undefined;
    socket.on('disconnect', (reason) => (disconnected = reason));

    const logout = await kiln.api('POST', '/auth/logout', { headers: { cookie, 'x-csrf-token': csrf } });
    expect(logout.status).toBe(204);
    const cleared = cookiesOf(logout.headers).setCookies;
    expect(cleared.get('kiln_session')).toMatch(/^kiln_session=;.*Max-Age=0/);
    expect(cleared.get('kiln_csrf')).toMatch(/^kiln_csrf=;.*Max-Age=0/);

    expect((await kiln.api('GET', '/auth/me', { headers: { cookie } })).status).toBe(401);
    const refused = await kiln.api('POST', '/conversations', { body: {}, headers: { cookie, 'x-csrf-token': csrf } });
    expect(refused.status).toBe(401);
    await waitFor(() => disconnected !== undefined, 2_000);
    expect(disconnected).toBe('io server disconnect');
  });

  it('answers /mcp for the cookie only with the CSRF token', async () => {
    const { cookie, csrf } = await browserSignUp('mcp@example.com');
    const call = (headers: Record<string, string>) =>
      fetch(`${kiln.url}/mcp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
      });
    const forged = await call({ cookie });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
    expect([401, 403]).not.toContain((await call({ cookie, 'x-csrf-token': csrf })).status);
  });
});

describe('the Content-Security-Policy of the web client', () => {
  it('is sent with the app page and its client routes, allowing exactly their inline scripts by hash', async () => {
    for (const path of ['/', '/c/00000000-0000-4000-8000-000000000000', '/sign-in']) {
      const response = await fetch(`${kiln.url}${path}`);
      expect(response.status).toBe(200);
      const html = await response.text();
      const policy = response.headers.get('content-security-policy') ?? '';
      const directives = new Map(
        policy.split(';').map((directive) => {
          const [name, ...sources] = directive.trim().split(/\s+/);
          return [name, sources] as const;
        }),
      );
      expect(directives.get('default-src')).toEqual(["'self'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('base-uri')).toEqual(["'self'"]);
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      expect(directives.get('form-action')).toEqual(["'self'"]);
      expect(directives.get('connect-src')).toEqual(["'self'"]);
      expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
      // SvelteKit's route announcer has a style attribute; styles run nothing.
      expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
      const scriptSources = directives.get('script-src') ?? [];
      expect(scriptSources).not.toContain("'unsafe-inline'");
      expect(scriptSources).not.toContain("'unsafe-eval'");
      const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
      expect(inline.length).toBeGreaterThan(0);
      const hashes = inline.map((script) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`);
      expect(scriptSources.toSorted()).toEqual(["'self'", ...new Set(hashes)].toSorted());
    }
    const json = await fetch(`${kiln.url}/api/v1`);
    expect(json.headers.get('content-security-policy')).toBeNull();
  });
});
