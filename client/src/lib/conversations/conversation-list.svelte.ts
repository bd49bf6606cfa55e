import type { ConversationJson } from '../api/api-types.ts';
import type { KilnApi } from '../api/kiln-api.ts';

export const conversationPageSize = 25;
/** How long a deleted conversation can be brought back before it is deleted on the server. */
export const undoDeleteMs = 6_000;

/**
 * The sidebar's conversations: newest activity first, a page at a time, or the
 * ones whose title matches the search. Deleting hides a conversation at once
 * and deletes it on the server only when the undo window has passed.
 */
export class ConversationList {
  items = $state<ConversationJson[]>([]);
  query = $state('');
  loading = $state(false);
  hasMore = $state(false);
  error = $state<string | null>(null);
  /** The conversation just deleted, while it can still be restored. */
  deleted = $state<{ conversation: ConversationJson; index: number } | null>(null);

  private nextCursor: string | null = null;
  private generation = 0;
  private deleteTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly api: KilnApi) {}

  /** The first page for the current search (or of all conversations). */
  async reload(): Promise<void> {
    const generation = ++this.generation;
    this.loading = true;
    try {
      const page = await this.api.conversations({ query: this.query.trim(), limit: conversationPageSize });
      if (generation !== this.generation) return;
      this.items = page.conversations;
      this.nextCursor = page.nextCursor;
      this.hasMore = page.nextCursor !== null;
      this.error = null;
    } catch (error) {
      if (generation === this.generation) this.error = (error as Error).message;
    } finally {
      if (generation === this.generation) this.loading = false;
    }
  }

  async loadMore(): Promise<void> {
    if (this.loading || !this.nextCursor) return;
    const generation = this.generation;
    this.loading = true;
    try {
      const page = await this.api.conversations({
        query: this.query.trim(),
        cursor: this.nextCursor,
        limit: conversationPageSize,
      });
      if (generation !== this.generation) return;
      const shown = new Set(this.items.map((item) => item.id));
      this.items.push(...page.conversations.filter((item) => !shown.has(item.id)));
      this.nextCursor = page.nextCursor;
      this.hasMore = page.nextCursor !== null;
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      if (generation === this.generation) this.loading = false;
    }
  }

  search(query: string) {
    this.query = query;
    return this.reload();
  }

  /** A conversation just created here goes to the top. */
  add(conversation: ConversationJson) {
    this.items = [conversation, ...this.items.filter((item) => item.id !== conversation.id)];
  }

  /** Something happened in a conversation: it moves to the top (reloading if it is not in the list yet). */
  touch(id: string) {
    const found = this.items.find((item) => item.id === id);
    if (!found) {
      if (!this.query) void this.reload();
      return;
    }
    found.updatedAt = new Date().toISOString();
    this.items = [found, ...this.items.filter((item) => item.id !== id)];
  }

  retitle(id: string, title: string) {
    const found = this.items.find((item) => item.id === id);
    if (found) found.title = title;
  }

  title(id: string): string | undefined {
    return this.items.find((item) => item.id === id)?.title;
  }

  find(id: string): ConversationJson | undefined {
    return this.items.find((item) => item.id === id);
  }

  /** Attaches a conversation to a project, or detaches it (null). */
  async attach(id: string, projectId: string | null): Promise<ConversationJson> {
    const attached = await this.api.attachConversation(id, projectId);
    const found = this.find(id);
    if (found) found.projectId = attached.projectId ?? null;
    return attached;
  }

  async rename(id: string, title: string): Promise<void> {
    const renamed = await this.api.renameConversation(id, title);
    this.retitle(id, renamed.title);
  }

  /** Hides the conversation now; it is deleted on the server after `undoDeleteMs` unless `undoDelete` is called. */
  remove(id: string) {
    this.flushDelete();
    const index = this.items.findIndex((item) => item.id === id);
    if (index < 0) return;
    this.deleted = { conversation: this.items[index]!, index };
    this.items = this.items.filter((item) => item.id !== id);
    this.deleteTimer = setTimeout(() => this.flushDelete(), undoDeleteMs);
  }

  undoDelete() {
    clearTimeout(this.deleteTimer);
    const deleted = this.deleted;
    if (!deleted) return;
    this.deleted = null;
    const items = [...this.items];
    items.splice(Math.min(deleted.index, items.length), 0, deleted.conversation);
    this.items = items;
  }

  /** Deletes the pending conversation now (also when the page is closed: a keepalive request survives it). */
  flushDelete() {
    clearTimeout(this.deleteTimer);
    const deleted = this.deleted;
    if (!deleted) return;
    this.deleted = null;
    void this.api.deleteConversation(deleted.conversation.id, { keepalive: true }).catch((error) => {
      this.error = (error as Error).message;
      void this.reload();
    });
  }
}
