import {
  hostileJsonTexts,
  hostilePathSegments,
  hostileStrings,
  hostileValue,
  invalidUtf8,
  type SeededRandom,
  wellFormed,
} from './fuzz-values.ts';

/**
 * One generated HTTP request. Paths and headers may name ids the server made at start-up (`:conversation`,
 * `:spare`, `:message`, `:turn`, `:pattern`) and `{token}`, the fuzz user's bearer token; `resolveHttpCase`
 * fills them in, so a case is the same for a seed whatever ids this run's server chose.
 */
export interface HttpCase {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Text, or bytes as base64 (so that the case prints as JSON and can be replayed). */
  body?: string | { base64: string };
}

interface RouteTemplate {
  method: string;
  path: string;
  body?: Record<string, unknown>;
  query?: Record<string, string>;
  /** Never sent with the fuzz user's token (signing out would end the session every other case uses). */
  anonymousOnly?: boolean;
}

const credentials = { email: 'fuzz-other@example.com', password: 'correct horse battery' };

/** Every route of server/http/*-routes.ts, auth-routes.ts, run-routes.ts, feedback-routes.ts, exports, imports, slack, health and /mcp. */
export const routeTemplates: readonly RouteTemplate[] = [
  { method: 'GET', path: '/health' },
  { method: 'GET', path: '/ready' },
  { method: 'GET', path: '/metrics' },
  { method: 'GET', path: '/api/v1' },
  { method: 'GET', path: '/api/v1/ws' },
  { method: 'GET', path: '/api/v1/no-such-route' },
  { method: 'POST', path: '/api/v1/auth/register', body: credentials },
  { method: 'POST', path: '/api/v1/auth/login', body: credentials },
  { method: 'POST', path: '/api/v1/auth/logout', anonymousOnly: true },
  { method: 'GET', path: '/api/v1/auth/me' },
  { method: 'POST', path: '/api/v1/conversations', body: { title: 'Fuzzed' } },
  { method: 'GET', path: '/api/v1/conversations', query: { q: 'Fuzz', limit: '10', cursor: 'abc' } },
  { method: 'GET', path: '/api/v1/conversations/:conversation' },
  { method: 'PATCH', path: '/api/v1/conversations/:conversation', body: { title: 'Renamed' } },
  { method: 'DELETE', path: '/api/v1/conversations/:spare' },
  { method: 'GET', path: '/api/v1/conversations/:conversation/messages', query: { before: ':message', limit: '5' } },
  {
    method: 'POST',
    path: '/api/v1/conversations/:conversation/messages',
    body: { content: 'hello', parentId: ':message', intent: 'chat' },
  },
  {
    method: 'POST',
    path: '/api/v1/conversations/:conversation/messages/:message/regenerate',
    body: { intent: 'chat' },
  },
  { method: 'POST', path: '/api/v1/conversations/:conversation/branch', body: { messageId: ':message' } },
  { method: 'PUT', path: '/api/v1/conversations/:conversation/messages/:message/feedback', body: { rating: 'up' } },
  { method: 'DELETE', path: '/api/v1/conversations/:conversation/messages/:message/feedback' },
  {
    method: 'POST',
    path: '/api/v1/conversations/:conversation/messages/:message/approval',
    body: { decision: 'approve', note: 'ok' },
  },
  { method: 'GET', path: '/api/v1/patterns/search', query: { q: 'retry', k: '3', language: 'typescript' } },
  { method: 'GET', path: '/api/v1/patterns', query: { limit: '5', offset: '0', language: 'python' } },
  { method: 'GET', path: '/api/v1/patterns/:pattern' },
  { method: 'POST', path: '/api/v1/patterns/:pattern/retire' },
  { method: 'POST', path: '/api/v1/patterns/:pattern/restore' },
  { method: 'GET', path: '/api/v1/knowledge' },
  {
    method: 'POST',
    path: '/api/v1/runs',
    body: { language: 'python', code: 'print(1)', tests: '', stdin: '', timeoutMs: 1000, patternIds: [] },
  },
  { method: 'GET', path: '/api/v1/runs/:conversation' },
  { method: 'GET', path: '/api/v1/runs/:conversation/events', query: { after: '1' } },
  { method: 'GET', path: '/api/v1/turns/:turn/events', query: { after: '1' } },
  { method: 'POST', path: '/api/v1/turns/:turn/stop' },
  { method: 'POST', path: '/api/v1/turns/:turn/tool-calls/call-1/confirmation', body: { approve: true } },
  { method: 'POST', path: '/api/v1/route', body: { text: 'write a retry helper' } },
  { method: 'POST', path: '/api/v1/projects', body: { name: 'Fuzzed' } },
  { method: 'GET', path: '/api/v1/projects' },
  { method: 'GET', path: '/api/v1/projects/:project' },
  { method: 'PATCH', path: '/api/v1/projects/:project', body: { name: 'Renamed' } },
  { method: 'POST', path: '/api/v1/projects/:project/sources', body: { type: 'folder', path: '/tmp' } },
  { method: 'POST', path: '/api/v1/projects/:project/sources/:source/ingest' },
  { method: 'DELETE', path: '/api/v1/projects/:project/sources/:source' },
  { method: 'POST', path: '/api/v1/projects/:project/members', body: { email: 'fuzz@example.com', role: 'viewer' } },
  { method: 'PATCH', path: '/api/v1/projects/:project/members/:member', body: { role: 'editor' } },
  { method: 'DELETE', path: '/api/v1/projects/:project/members/:member' },
  { method: 'GET', path: '/api/v1/patterns/search', query: { q: 'retry', projectId: ':project' } },
  { method: 'GET', path: '/api/v1/conversations/:conversation/export', query: { format: 'md', branches: 'all' } },
  { method: 'GET', path: '/api/v1/exports' },
  { method: 'POST', path: '/api/v1/imports' },
  { method: 'GET', path: '/api/v1/slack' },
  { method: 'POST', path: '/api/v1/slack/link-codes' },
  { method: 'DELETE', path: '/api/v1/slack/links/T0KILN/U0FUZZ' },
  { method: 'POST', path: '/slack/events', body: { type: 'url_verification', challenge: 'fuzz' } },
];

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'PROPFIND'];
const contentTypes = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'application/json; charset=utf-16',
  'application/json; charset=nonsense',
  'application/xml',
  '',
];
/** Wrong or broken credentials; most cases send the fuzz user's `Bearer {token}` instead. */
const badAuthorizations = [
  'bearer {token}',
  'Bearer {token}x',
  'Bearer  {token}',
  'Bearer',
  'Bearer ',
  'Bearer null',
  'Basic Zm9vOmJhcg==',
  'Token abc',
  `Bearer ${'a'.repeat(4_000)}`,
  'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.',
];

/** Signed in most of the time (a refusal at the door reaches no route), else anonymous or with a bad header. */
function authorization(random: SeededRandom): string | undefined {
  const roll = random.next();
  if (roll < 0.7) return 'Bearer {token}';
  return roll < 0.8 ? undefined : random.pick(badAuthorizations);
}

/** A query or path value on the wire: percent-encoded, or one of the raw (possibly malformed) encodings. */
function wireValue(random: SeededRandom): string {
  if (random.chance(0.4)) return random.pick(hostilePathSegments);
  return encodeURIComponent(wellFormed(random.pick(hostileStrings)));
}

/** A `cursor`/`before` as a client could forge it: base64url of any JSON. */
function forgedCursor(random: SeededRandom): string {
  const value = random.chance(0.5) ? [hostileValue(random), hostileValue(random)] : hostileValue(random);
  return Buffer.from(JSON.stringify(value) ?? 'undefined').toString('base64url');
}

/** A request derived from one route: well-formed at first, then broken in one to three ways. */
export function httpCase(random: SeededRandom): HttpCase {
  const route = random.pick(routeTemplates);
  let method = route.method;
  let path = route.path;
  const query: Record<string, string> = Object.fromEntries(
    Object.entries(route.query ?? {}).map(([name, value]) => [name, encodeURIComponent(value)]),
  );
  const fields: Record<string, unknown> | undefined = route.body && { ...route.body };
  let body: HttpCase['body'];
  const headers: Record<string, string> = {};
  if (fields || random.chance(0.2)) headers['content-type'] = 'application/json';
  const credential = authorization(random);
  if (credential)
    headers.authorization = route.anonymousOnly ? credential.replace('{token}', 'not-a-token') : credential;

  for (let mutations = random.integer(1, 3); mutations > 0; mutations -= 1) {
    // Weighted: a broken field or path segment gets further into a route than a broken request line.
    switch (random.pick([0, 1, 1, 2, 2, 2, 2, 4, 5, 6, 7, 7, 8, 9])) {
      case 0:
        method = random.pick(methods);
        break;
      case 1: {
        const segments = path.split('/');
        const index = random.integer(2, Math.max(2, segments.length - 1));
        if (segments[index] !== undefined) segments[index] = wireValue(random);
        path = segments.join('/');
        break;
      }
      case 2:
        if (fields) fields[random.pick([...Object.keys(fields), random.pick(hostileStrings)])] = hostileValue(random);
        else body = JSON.stringify(hostileValue(random));
        break;
      case 4:
        body = random.pick(hostileJsonTexts);
        break;
      case 5:
        body = { base64: Buffer.from(invalidUtf8).toString('base64') };
        break;
      case 6:
        headers['content-type'] = random.pick(contentTypes);
        break;
      case 7:
        query[random.pick([...Object.keys(query), 'limit', 'offset', 'k', 'after', 'q', random.pick(hostileStrings)])] =
          wireValue(random);
        break;
      case 8:
        query[random.pick(['cursor', 'before'])] = forgedCursor(random);
        break;
      default:
        if (random.chance(0.5)) headers.accept = 'text/event-stream';
        else headers['last-event-id'] = random.pick(['-1', '1e309', 'NaN', '0.5', '9007199254740993', 'abc']);
    }
  }
  // Deleting the conversation every other case works in would leave them little to reach.
  if (method === 'DELETE') path = path.replace(':conversation', ':spare').replace(':project', ':spareProject');
  const search = Object.entries(query)
    .map(([name, value]) => `${encodeURIComponent(wellFormed(name))}=${value}`)
    .join('&');
  if (body === undefined && fields) body = JSON.stringify(fields);
  // fetch refuses a body on GET and HEAD.
  if (method === 'GET' || method === 'HEAD') body = undefined;
  return { method, path: search ? `${path}?${search}` : path, headers, body };
}

const mcpMethods = ['initialize', 'tools/list', 'tools/call', 'ping', 'resources/list', 'prompts/get', 'nope', ''];
const mcpAccepts = ['application/json, text/event-stream', 'application/json', 'text/html', '*/*'];

/** A JSON-RPC message (or batch, or garbage) for `/mcp`, as an MCP client would send it, then broken. */
export function mcpCase(random: SeededRandom): HttpCase {
  const message = (): Record<string, unknown> => ({
    jsonrpc: random.chance(0.9) ? '2.0' : hostileValue(random),
    id: random.chance(0.8) ? random.integer(1, 1_000) : hostileValue(random),
    method: random.chance(0.9) ? random.pick(mcpMethods) : hostileValue(random),
    params: random.chance(0.5)
      ? {
          name: random.pick(['search_patterns', 'ask', random.pick(hostileStrings)]),
          arguments: random.chance(0.5)
            ? { query: hostileValue(random), question: hostileValue(random), k: hostileValue(random) }
            : hostileValue(random),
          protocolVersion: random.pick(['2025-06-18', '2024-11-05', hostileValue(random)]),
          capabilities: hostileValue(random),
          clientInfo: { name: 'fuzz', version: '0' },
        }
      : hostileValue(random),
  });
  const body = random.chance(0.15)
    ? random.pick(hostileJsonTexts)
    : JSON.stringify(random.chance(0.2) ? [message(), message()] : message());
  const headers: Record<string, string> = {
    'content-type': random.chance(0.85) ? 'application/json' : random.pick(contentTypes),
    accept: random.pick(mcpAccepts),
  };
  const credential = authorization(random);
  if (credential) headers.authorization = credential;
  if (random.chance(0.1)) headers['mcp-session-id'] = random.pick(hostilePathSegments);
  if (random.chance(0.1)) headers['mcp-protocol-version'] = random.pick(['1999-01-01', 'x', '2025-06-18']);
  const method = random.chance(0.9) ? 'POST' : random.pick(methods);
  return { method, path: '/mcp', headers, body: method === 'GET' || method === 'HEAD' ? undefined : body };
}
