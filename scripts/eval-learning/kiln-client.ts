import type { PatternDetailsView } from '../../protocol/pattern-view.ts';
import type { TurnEvent, TurnEventOf, TurnEventType } from '../../protocol/turn-events.ts';

/** One answered message: its turn's events, in order, as the SSE stream gave them. */
export interface Turn {
  conversationId: string;
  assistantMessageId: string;
  events: TurnEvent[];
}

/** Kiln's public REST API, called as a user's client would: a signed-in account, JSON in, JSON or SSE out. */
export class KilnClient {
  private token = '';

  constructor(private readonly url: string) {}

  async register(email: string): Promise<void> {
    const { token } = await this.call<{ token: string }>('POST', '/auth/register', {
      email,
      password: 'correct horse battery staple',
    });
    this.token = token;
  }

  /** Sends a message in a new conversation and waits for its turn to end (streamed with `Accept: text/event-stream`). */
  async ask(content: string, intent?: string): Promise<Turn> {
    const { id: conversationId } = await this.call<{ id: string }>('POST', '/conversations', {});
    const response = await fetch(`${this.url}/api/v1/conversations/${conversationId}/messages`, {
      method: 'POST',
      headers: { ...this.headers(), accept: 'text/event-stream' },
      body: JSON.stringify({ content, ...(intent ? { intent } : {}) }),
    });
    if (!response.ok) throw new Error(`sending a message answered ${response.status}: ${await response.text()}`);
    const events = (await response.text())
      .split('\n\n')
      .flatMap((frame) => frame.split('\n').filter((line) => line.startsWith('data: ')))
      .map((line) => JSON.parse(line.slice('data: '.length)) as TurnEvent);
    const start = events.find((event) => event.type === 'turn.start');
    if (!start) throw new Error(`the turn sent no turn.start: ${JSON.stringify(events.map((event) => event.type))}`);
    return { conversationId, assistantMessageId: start.assistantMessageId, events };
  }

  /** Approves a code session that passed: answers the learned pattern's id. */
  async approve(turn: Turn): Promise<{ patternId: string | null; duplicate: boolean }> {
    const { approval } = await this.call<{ approval: { patternId: string | null; duplicate: boolean } }>(
      'POST',
      `/conversations/${turn.conversationId}/messages/${turn.assistantMessageId}/approval`,
      { decision: 'approve' },
    );
    return approval;
  }

  /** The pattern ids `GET /patterns/search` answers, best first. */
  async search(question: string, k: number): Promise<string[]> {
    const { results } = await this.call<{ results: { id: string }[] }>(
      'GET',
      `/patterns/search?q=${encodeURIComponent(question)}&k=${k}`,
    );
    return results.map((result) => result.id);
  }

  pattern(id: string): Promise<PatternDetailsView> {
    return this.call('GET', `/patterns/${encodeURIComponent(id)}`);
  }

  private headers(): Record<string, string> {
    return { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) };
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}/api/v1${path}`, {
      method,
      headers: this.headers(),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  }
}

/** The events of one type in a turn, in order. */
export function eventsOf<T extends TurnEventType>(turn: Turn, type: T): TurnEventOf<T>[] {
  return turn.events.filter((event): event is TurnEventOf<T> => event.type === type);
}
