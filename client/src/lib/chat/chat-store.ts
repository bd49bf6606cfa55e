import type { KilnApi } from '../api/kiln-api.ts';
import type { ChatSocket } from '../realtime/chat-socket.svelte.ts';
import { ConversationView } from './conversation-view.svelte.ts';

/** The conversation views of this tab, one per conversation opened, kept so switching back is instant. */
export class ChatStore {
  private readonly views = new Map<string, ConversationView>();

  constructor(
    private readonly api: KilnApi,
    readonly socket: ChatSocket,
    private readonly onActivity: (conversationId: string) => void,
  ) {}

  view(conversationId: string): ConversationView {
    let view = this.views.get(conversationId);
    if (!view) {
      view = new ConversationView(conversationId, { api: this.api, socket: this.socket, onActivity: this.onActivity });
      this.views.set(conversationId, view);
    }
    return view;
  }

  /** Drops a deleted conversation's view. */
  forget(conversationId: string) {
    this.views.get(conversationId)?.dispose();
    this.views.delete(conversationId);
  }
}
