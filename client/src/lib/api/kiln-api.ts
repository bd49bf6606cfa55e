import type { RunEvent, RunRequest } from '$protocol/runs.ts';
import type { ApprovalRequest } from '$protocol/socket-events.ts';
import type { ApprovalRecord } from '$protocol/turn-details.ts';
import { serverSentEvents } from '../runs/server-sent-events.ts';
import { ApiError } from './api-error.ts';
import type {
  ConversationJson,
  ConversationPageJson,
  KnowledgeJson,
  MessagePageJson,
  PatternJson,
  PatternViewJson,
  Rating,
  SignedIn,
  UserJson,
} from './api-types.ts';

/** The REST API (`/api/v1`), with the session's bearer token. A 401 calls `onUnauthenticated` before it throws. */
export class KilnApi {
  constructor(
    private readonly token: () => string | null,
    private readonly onUnauthenticated: () => void = () => {},
  ) {}

  register(email: string, password: string) {
    return this.request<SignedIn>('POST', '/auth/register', { email, password });
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
  createConversation() {
    return this.request<ConversationJson>('POST', '/conversations', {});
  }
  renameConversation(id: string, title: string) {
    return this.request<ConversationJson>('PATCH', `/conversations/${id}`, { title });
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

  /** One request with the session's token; a network failure or an error status becomes an ApiError. */
  private async send(
    method: string,
    path: string,
    body: unknown,
    options: { keepalive?: boolean; signal?: AbortSignal; accept?: string },
  ): Promise<Response> {
    const token = this.token();
    let response: Response;
    try {
      response = await fetch(`/api/v1${path}`, {
        method,
        headers: {
          ...(options.accept ? { accept: options.accept } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        keepalive: options.keepalive,
        signal: options.signal,
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new ApiError(0, 'network_error', 'Kiln cannot be reached; check your connection.');
    }
    if (response.ok) return response;
    const json = (await response.json().catch(() => undefined)) as
      { error?: { code?: string; message?: string } } | undefined;
    if (response.status === 401 && token) this.onUnauthenticated();
    throw new ApiError(
      response.status,
      json?.error?.code ?? 'request_error',
      json?.error?.message ?? `The request failed (${response.status}).`,
    );
  }
}
