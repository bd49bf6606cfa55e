import type { RunEvent, RunRequest } from '$protocol/runs.ts';
import type { ApprovalRequest } from '$protocol/socket-events.ts';
import type { ApprovalRecord } from '$protocol/turn-details.ts';
import { serverSentEvents } from '../runs/server-sent-events.ts';
import { ApiError, apiErrorFrom } from './api-error.ts';
import { csrfHeaderName, csrfToken } from './csrf-token.ts';
import { ExportsApi } from './exports-api.ts';
import { ProjectsApi } from './projects-api.ts';
import { SlackApi } from './slack-api.ts';
import type { AccountChange, SignupStatus } from '$protocol/account.ts';
import type { ApiKeyScope, ApiKeyView } from '$protocol/api-key.ts';
import type {
  AccountJson,
  AuditPageJson,
  ConversationJson,
  ConversationPageJson,
  InviteJson,
  KnowledgeJson,
  MessagePageJson,
  PatternJson,
  PatternViewJson,
  Rating,
  SignedIn,
  UsageReportJson,
  UserJson,
} from './api-types.ts';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The REST API (`/api/v1`). The browser session is an HttpOnly cookie the browser sends by itself; unsafe
 * requests echo the CSRF cookie in `X-CSRF-Token`. A 401 calls `onUnauthenticated` before it throws.
 */
export class KilnApi {
  /** Projects, their sources and members (`/projects`). */
  readonly projects: ProjectsApi;
  /** Linking Slack accounts (`/slack`). */
  readonly slack: SlackApi;
  /** Importing conversations (`/imports`) and exports prepared in the background (`/exports/archives`). */
  readonly exports: ExportsApi;

  constructor(private readonly onUnauthenticated: () => void = () => {}) {
    const request = <T>(method: string, path: string, body?: unknown) => this.request<T>(method, path, body);
    this.projects = new ProjectsApi(request, onUnauthenticated);
    this.slack = new SlackApi(request);
    this.exports = new ExportsApi(request, onUnauthenticated);
  }

  /** `invite`: the code of an invite link, needed when sign-up is by invitation. */
  register(email: string, password: string, invite?: string) {
    return this.request<SignedIn>('POST', '/auth/register', { email, password, ...(invite ? { invite } : {}) });
  }
  /** Whether sign-up is open, by invitation or closed, and whether the next account is the first (the admin). */
  signupStatus() {
    return this.request<SignupStatus>('GET', '/auth/signup');
  }
  login(email: string, password: string) {
    return this.request<SignedIn>('POST', '/auth/login', { email, password });
  }
  logout() {
    return this.request<void>('POST', '/auth/logout');
  }
  me() {
    return this.request<{ user: UserJson }>('GET', '/auth/me');
  }

  conversations(options: { cursor?: string | null; query?: string; limit?: number } = {}) {
    const search = new URLSearchParams({ limit: String(options.limit ?? 30) });
    if (options.cursor) search.set('cursor', options.cursor);
    if (options.query) search.set('q', options.query);
    return this.request<ConversationPageJson>('GET', `/conversations?${search}`);
  }
  /** `projectId`: the project the new conversation is attached to. */
  createConversation(options: { projectId?: string | null } = {}) {
    const body = options.projectId ? { projectId: options.projectId } : {};
    return this.request<ConversationJson>('POST', '/conversations', body);
  }
  renameConversation(id: string, title: string) {
    return this.request<ConversationJson>('PATCH', `/conversations/${id}`, { title });
  }
  /** Attaches a conversation to a project (its retrieval searches that project first), or detaches it (null). */
  attachConversation(id: string, projectId: string | null) {
    return this.request<ConversationJson>('PATCH', `/conversations/${id}`, { projectId });
  }
  deleteConversation(id: string, options: { keepalive?: boolean } = {}) {
    return this.request<void>('DELETE', `/conversations/${id}`, undefined, options);
  }
  conversation(id: string) {
    return this.request<ConversationJson>('GET', `/conversations/${id}`);
  }
  messages(conversationId: string, options: { before?: string | null; limit?: number } = {}) {
    const search = new URLSearchParams({ limit: String(options.limit ?? 30) });
    if (options.before) search.set('before', options.before);
    return this.request<MessagePageJson>('GET', `/conversations/${conversationId}/messages?${search}`);
  }
  selectBranch(conversationId: string, messageId: string) {
    return this.request<{ activeLeafId: string }>('POST', `/conversations/${conversationId}/branch`, { messageId });
  }
  rate(conversationId: string, messageId: string, rating: Rating | null) {
    const path = `/conversations/${conversationId}/messages/${messageId}/feedback`;
    return rating ? this.request<unknown>('PUT', path, { rating }) : this.request<void>('DELETE', path);
  }
  /** Approves (saves as a learned pattern) or rejects a code session's answer; 409 when it was already decided. */
  decideSession(conversationId: string, messageId: string, request: ApprovalRequest) {
    const path = `/conversations/${conversationId}/messages/${messageId}/approval`;
    return this.request<{ approval: ApprovalRecord }>('POST', path, request);
  }
  /** Answers a tool call waiting for confirmation; 404 when no call waits. */
  confirmToolCall(turnId: string, callId: string, approve: boolean) {
    const path = `/turns/${turnId}/tool-calls/${encodeURIComponent(callId)}/confirmation`;
    return this.request<object>('POST', path, { approve });
  }

  pattern(id: string) {
    return this.request<PatternJson>('GET', `/patterns/${encodeURIComponent(id)}`);
  }
  knowledge() {
    return this.request<KnowledgeJson>('GET', '/knowledge');
  }
  /** Takes a pattern out of retrieval (admins only: 403 otherwise). */
  retirePattern(id: string) {
    return this.request<PatternViewJson>('POST', `/patterns/${encodeURIComponent(id)}/retire`);
  }
  /** Puts a retired pattern back into retrieval (admins only). */
  restorePattern(id: string) {
    return this.request<PatternViewJson>('POST', `/patterns/${encodeURIComponent(id)}/restore`);
  }

  /** The signed-in user's API keys, revoked ones included (never the keys themselves). */
  apiKeys() {
    return this.request<{ keys: ApiKeyView[] }>('GET', '/api-keys');
  }
  /** A new API key; `secret` is the key, shown this once. */
  createApiKey(request: { name: string; scopes: ApiKeyScope[]; expiresAt?: string }) {
    return this.request<{ key: ApiKeyView; secret: string }>('POST', '/api-keys', request);
  }
  /** Revokes a key: it stops working at once, its open connections included. */
  revokeApiKey(id: string) {
    return this.request<{ key: ApiKeyView }>('DELETE', `/api-keys/${encodeURIComponent(id)}`);
  }

  /** Every account (admins only: 403 otherwise). */
  users() {
    return this.request<{ users: AccountJson[] }>('GET', '/admin/users');
  }
  /** Changes a user's role or disables (ending its sessions) or enables it; 409 for the last enabled admin. */
  changeUser(id: string, change: AccountChange) {
    return this.request<{ user: AccountJson }>('PATCH', `/admin/users/${encodeURIComponent(id)}`, change);
  }
  /** Pending invites (admins only). */
  invites() {
    return this.request<{ invites: InviteJson[] }>('GET', '/admin/invites');
  }
  /** A new invite and its sign-up link, shown this once. */
  createInvite(request: { email?: string; expiresInDays?: number }) {
    return this.request<{ invite: InviteJson; url: string }>('POST', '/admin/invites', request);
  }
  revokeInvite(id: string) {
    return this.request<{ invite: InviteJson }>('DELETE', `/admin/invites/${encodeURIComponent(id)}`);
  }

  /** Tokens, cost, intents and runs over the last `days` UTC days (admins only: 403 otherwise). */
  usage(days: number) {
    return this.request<UsageReportJson>('GET', `/admin/usage?days=${days}`);
  }
  /** A page of the audit log, newest first (admins only); `before` is the previous page's `nextBefore`. */
  auditLog(query: { action?: string; userId?: string; before?: string; limit?: number } = {}) {
    const search = new URLSearchParams(
      Object.entries(query).flatMap(([key, value]) =>
        value === undefined || value === '' ? [] : [[key, String(value)]],
      ),
    );
    return this.request<AuditPageJson>('GET', `/admin/audit?${search}`);
  }

  /** Starts a run and streams its events (`POST /runs` as Server-Sent Events). */
  startRun(request: RunRequest, signal?: AbortSignal): AsyncGenerator<RunEvent> {
    return this.stream('POST', '/runs', request, signal);
  }
  /** A run's events after `afterSeq`, as they come (`GET /runs/:id/events`). */
  runEvents(runId: string, afterSeq: number, signal?: AbortSignal): AsyncGenerator<RunEvent> {
    return this.stream('GET', `/runs/${runId}/events?after=${afterSeq}`, undefined, signal);
  }

  private async *stream<Event>(
    method: string,
    path: string,
    body: unknown,
    signal?: AbortSignal,
  ): AsyncGenerator<Event> {
    const response = await this.send(method, path, body, { signal, accept: 'text/event-stream' });
    if (!response.body) throw new ApiError(response.status, 'request_error', 'Kiln sent no events.');
    try {
      yield* serverSentEvents<Event>(response.body);
    } catch (error) {
      if (signal?.aborted) throw error;
      // A cut stream ends here; the caller resumes from the last event it saw.
    }
  }

  private async request<T>(
    method: string,
    path: string,
    body?: unknown,
    options: { keepalive?: boolean } = {},
  ): Promise<T> {
    const response = await this.send(method, path, body, options);
    if (response.status === 204) return undefined as T;
    return (await response.json().catch(() => undefined)) as T;
  }

  /** One request with the session's cookie; a network failure or an error status becomes an ApiError. */
  private async send(
    method: string,
    path: string,
    body: unknown,
    options: { keepalive?: boolean; signal?: AbortSignal; accept?: string },
  ): Promise<Response> {
    const csrf = unsafeMethods.has(method) ? csrfToken() : undefined;
    let response: Response;
    try {
      response = await fetch(`/api/v1${path}`, {
        method,
        headers: {
          ...(options.accept ? { accept: options.accept } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(csrf ? { [csrfHeaderName]: csrf } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        keepalive: options.keepalive,
        signal: options.signal,
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new ApiError(0, 'network_error', 'Kiln cannot be reached; check your connection.');
    }
    if (response.ok) return response;
    const json: unknown = await response.json().catch(() => undefined);
    if (response.status === 401) this.onUnauthenticated();
    throw apiErrorFrom(response.status, json);
  }
}
