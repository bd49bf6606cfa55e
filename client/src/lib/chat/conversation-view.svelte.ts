import type { Intent, TurnEvent } from '$protocol/turn-events.ts';
import type { ApprovalRequest, SocketPayload } from '$protocol/socket-events.ts';
import type { ApprovalRecord, SessionRecord } from '$protocol/turn-details.ts';
import { ApiError } from '../api/api-error.ts';
import type { MessageJson, Rating } from '../api/api-types.ts';
import type { KilnApi } from '../api/kiln-api.ts';
import type { ChatSocket } from '../realtime/chat-socket.svelte.ts';
import {
  answerFromLive,
  answerFromMessage,
  applyTurnEvent,
  newLiveTurn,
  type AnswerView,
  type LiveTurn,
} from './live-turn.ts';

/** Messages per page: the newest page opens the conversation, older ones load on scroll. */
export const messagePageSize = 20;

export interface ConversationViewDependencies {
  api: KilnApi;
  socket: ChatSocket;
  /** A turn started or ended in this conversation (the sidebar moves it to the top). */
  onActivity(conversationId: string): void;
}

/**
 * One conversation as the chat view shows it: the active branch, paged from
 * the newest end, with answers streaming in from the socket. Live turns are
 * kept by assistant message id, so an answer shows its streamed state however
 * the page reloads around it. Events are applied in `seq` order; a gap (a
 * dropped connection) is filled by `turn:resume` from the last `seq` seen.
 */
export class ConversationView {
  messages = $state<MessageJson[]>([]);
  live = $state<Record<string, LiveTurn>>({});
  loaded = $state(false);
  hasOlder = $state(false);
  loadingOlder = $state(false);
  /** The last failure to show (sending, loading, rating…), cleared by the next success. */
  error = $state<string | null>(null);
  /** Counts what this tab sent (messages, edits, regenerations): the list scrolls to the end for each. */
  sent = $state(0);

  /** The turn still streaming in this conversation, if any (the composer offers Stop). */
  readonly streamingTurn = $derived(Object.values(this.live).find((turn) => !turn.finished) ?? null);

  private nextBefore: string | null = null;
  private readonly turnsById = new Map<string, LiveTurn>();
  /** A message this tab sent whose turn has not started yet: its turn.start replaces the placeholder. */
  private pendingSend: string | null = null;
  private reloading: Promise<void> | null = null;
  private reloadAgain = false;
  private readonly unsubscribe: (() => void)[];

  constructor(
    readonly id: string,
    private readonly dependencies: ConversationViewDependencies,
  ) {
    this.unsubscribe = [
      dependencies.socket.onTurnEvent((event) => this.handle(event)),
      dependencies.socket.onReconnect(() => {
        if (this.loaded) void this.rejoin();
      }),
    ];
  }

  dispose() {
    for (const unsubscribe of this.unsubscribe) unsubscribe();
  }

  answerOf(message: MessageJson): AnswerView {
    const live = this.live[message.id];
    return live ? answerFromLive(live) : answerFromMessage(message);
  }

  /** Joins the conversation's room and loads its newest page (once; later calls only rejoin). */
  async open(): Promise<void> {
    await this.dependencies.socket.request('conversation:join', { conversationId: this.id }).catch(() => undefined);
    if (!this.loaded) await this.reloadNewest();
  }

  /** The newest page again (after a branch changed); coalesces calls made while one is under way. */
  reloadNewest(): Promise<void> {
    if (this.reloading) {
      this.reloadAgain = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      do {
        this.reloadAgain = false;
        try {
          const page = await this.dependencies.api.messages(this.id, { limit: messagePageSize });
          this.messages = page.messages;
          this.hasOlder = page.hasMore;
          this.nextBefore = page.nextBefore;
          this.loaded = true;
          this.resumeStreamingMessages();
        } catch (error) {
          this.error = messageOf(error);
          throw error;
        }
      } while (this.reloadAgain);
    })().finally(() => (this.reloading = null));
    return this.reloading;
  }

  async loadOlder(): Promise<void> {
    if (!this.hasOlder || this.loadingOlder || !this.nextBefore) return;
    this.loadingOlder = true;
    try {
      const page = await this.dependencies.api.messages(this.id, { before: this.nextBefore, limit: messagePageSize });
      const shown = new Set(this.messages.map((message) => message.id));
      this.messages = [...page.messages.filter((message) => !shown.has(message.id)), ...this.messages];
      this.hasOlder = page.hasMore;
      this.nextBefore = page.nextBefore;
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.loadingOlder = false;
    }
  }

  /** Sends a message at the end of the active branch. Resolves false (and shows why) when it could not be sent. */
  async send(content: string): Promise<boolean> {
    const placeholderId = `local-${crypto.randomUUID()}`;
    this.messages.push({
      id: placeholderId,
      conversationId: this.id,
      role: 'user',
      content,
      status: 'complete',
      parentId: this.messages.at(-1)?.id ?? null,
      createdAt: new Date().toISOString(),
      usage: null,
      siblings: { index: 0, count: 1, ids: [placeholderId] },
      turn: null,
      feedback: null,
    });
    this.pendingSend = placeholderId;
    this.sent += 1;
    try {
      await this.dependencies.socket.request('message:send', { conversationId: this.id, content });
      this.error = null;
      return true;
    } catch (error) {
      this.messages = this.messages.filter((message) => message.id !== placeholderId);
      this.error = messageOf(error);
      return false;
    } finally {
      if (this.pendingSend === placeholderId) this.pendingSend = null;
    }
  }

  /** Sends an edited version of a question: a new branch beside the original (‹ 1/2 ›). */
  async edit(question: MessageJson, content: string): Promise<boolean> {
    return this.startBranch('message:send', { conversationId: this.id, content, parentId: question.parentId });
  }

  /** Answers the question again (optionally with another agent), as a new branch beside the earlier answer. */
  async regenerate(answer: MessageJson, intent?: Intent): Promise<boolean> {
    return this.startBranch('message:regenerate', {
      conversationId: this.id,
      messageId: answer.id,
      ...(intent ? { intent } : {}),
    });
  }

  async stop(): Promise<void> {
    const turn = this.streamingTurn;
    if (turn)
      await this.dependencies.socket
        .request('turn:stop', { turnId: turn.turnId })
        .catch((error) => (this.error = messageOf(error)));
  }

  /** Shows the previous (-1) or next (+1) version of a message, and the branch below it. */
  async showSibling(message: MessageJson, offset: -1 | 1): Promise<void> {
    const target = message.siblings.ids[message.siblings.index + offset];
    if (!target) return;
    try {
      await this.dependencies.api.selectBranch(this.id, target);
      await this.reloadNewest();
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  async rate(answer: MessageJson, rating: Rating | null): Promise<void> {
    const previous = answer.feedback;
    answer.feedback = rating;
    try {
      await this.dependencies.api.rate(this.id, answer.id, rating);
    } catch (error) {
      answer.feedback = previous;
      this.error = messageOf(error);
    }
  }

  /**
   * Approves (saves as a learned pattern) or rejects the code session of an answer, over the socket when it is
   * connected, else over REST. Throws the failure (the caller keeps what the user typed and shows it); when the
   * session was already decided elsewhere, the stored decision replaces the buttons.
   */
  async decideSession(message: MessageJson, request: ApprovalRequest): Promise<ApprovalRecord> {
    const { socket, api } = this.dependencies;
    let approval: ApprovalRecord;
    try {
      ({ approval } =
        socket.status === 'online'
          ? await socket.request('session:approve', { conversationId: this.id, messageId: message.id, ...request })
          : await api.decideSession(this.id, message.id, request));
    } catch (error) {
      // Decided already (in another tab): show that decision. The socket's errors carry the code, not the status.
      const decided = error instanceof ApiError && (error.code === 'already_decided' || error.status === 409);
      if (decided) await this.adoptStoredApproval(message);
      throw error;
    }
    const session = this.sessionOf(message);
    if (session) session.approval = approval;
    return approval;
  }

  /** Allows or denies a tool call waiting for confirmation; the turn's `tool.confirmation` event shows the answer. */
  async confirmToolCall(turnId: string, callId: string, approve: boolean): Promise<void> {
    const { socket, api } = this.dependencies;
    if (socket.status === 'online') await socket.request('tool:confirm', { turnId, callId, approve });
    else await api.confirmToolCall(turnId, callId, approve);
  }

  private sessionOf(message: MessageJson): SessionRecord | null {
    return this.answerOf(message).details?.session ?? null;
  }

  /** The decision stored for an answer's session (after a 409), copied onto the answer shown (live or loaded). */
  private async adoptStoredApproval(message: MessageJson) {
    await this.reloadNewest().catch(() => undefined);
    const stored = this.messages.find((candidate) => candidate.id === message.id)?.turn?.details?.session?.approval;
    const session = this.sessionOf(message);
    if (stored && session) session.approval = stored;
  }

  private async startBranch(
    ...request:
      ['message:send', SocketPayload<'message:send'>] | ['message:regenerate', SocketPayload<'message:regenerate'>]
  ): Promise<boolean> {
    this.sent += 1;
    try {
      if (request[0] === 'message:send') await this.dependencies.socket.request(...request);
      else await this.dependencies.socket.request(...request);
      this.error = null;
      await this.reloadNewest();
      return true;
    } catch (error) {
      this.error = messageOf(error);
      return false;
    }
  }

  private handle(event: TurnEvent) {
    let turn = this.turnsById.get(event.turnId);
    if (!turn) {
      if (event.type !== 'turn.start' || event.conversationId !== this.id) return;
      turn = this.track(event.turnId, event.assistantMessageId);
    }
    const applied = applyTurnEvent(turn, event);
    if (applied === 'gap') void this.resume(turn);
    if (applied !== 'applied') return;
    if (event.type === 'turn.start') this.placeAnswer(event);
    if (event.type === 'turn.start' || event.type === 'turn.end' || event.type === 'turn.error')
      this.dependencies.onActivity(this.id);
  }

  /** Starts following a turn; returns the reactive record the view renders. */
  private track(turnId: string, assistantMessageId: string): LiveTurn {
    this.live[assistantMessageId] = newLiveTurn(turnId);
    const turn = this.live[assistantMessageId]!;
    this.turnsById.set(turnId, turn);
    return turn;
  }

  /** Puts a new answer in the list: after this tab's own message, or by reloading for turns started elsewhere. */
  private placeAnswer(event: Extract<TurnEvent, { type: 'turn.start' }>) {
    if (this.messages.some((message) => message.id === event.assistantMessageId)) return;
    const placeholder = this.pendingSend ? this.messages.find((message) => message.id === this.pendingSend) : undefined;
    if (!placeholder) {
      void this.reloadNewest().catch(() => undefined);
      return;
    }
    this.pendingSend = null;
    placeholder.id = event.userMessageId;
    placeholder.siblings = { index: 0, count: 1, ids: [event.userMessageId] };
    this.messages.push({
      id: event.assistantMessageId,
      conversationId: this.id,
      role: 'assistant',
      content: '',
      status: 'streaming',
      parentId: event.userMessageId,
      createdAt: new Date().toISOString(),
      usage: null,
      siblings: { index: 0, count: 1, ids: [event.assistantMessageId] },
      turn: null,
      feedback: null,
    });
  }

  /** Answers still being written when the page loaded: replay their turn from the start, then follow it. */
  private resumeStreamingMessages() {
    for (const message of this.messages) {
      if (message.status !== 'streaming' || !message.turn || this.live[message.id]) continue;
      void this.resume(this.track(message.turn.turnId, message.id));
    }
  }

  private async resume(turn: LiveTurn) {
    try {
      await this.dependencies.socket.request('turn:resume', { turnId: turn.turnId, afterSeq: turn.lastSeq });
    } catch (error) {
      // The server no longer has the turn (it restarted, or the turn ended long ago): what was saved is the answer.
      if (error instanceof ApiError && error.code === 'not_found') {
        this.forget(turn);
        await this.reloadNewest().catch(() => undefined);
      }
    }
  }

  private forget(turn: LiveTurn) {
    this.turnsById.delete(turn.turnId);
    for (const [messageId, candidate] of Object.entries(this.live))
      if (candidate.turnId === turn.turnId) delete this.live[messageId];
  }

  /** After a reconnect: back in the room, and every unfinished turn continues after its last seq. */
  private async rejoin() {
    await this.dependencies.socket.request('conversation:join', { conversationId: this.id }).catch(() => undefined);
    for (const turn of this.turnsById.values()) if (!turn.finished) void this.resume(turn);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
