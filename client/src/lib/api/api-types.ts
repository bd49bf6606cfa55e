import type { User } from '$server/auth/user.ts';
import type { Conversation, ConversationPage, MessagePage, MessageView } from '$server/conversations/conversation.ts';
import type { Neighbour } from '$knowledge/graph/graph-store.ts';
import type { Pattern } from '$knowledge/patterns/pattern.ts';

/** A server type as it arrives over JSON: dates become ISO strings. */
export type Json<T> = T extends Date
  ? string
  : T extends (infer Item)[]
    ? Json<Item>[]
    : T extends object
      ? { [Key in keyof T]: Json<T[Key]> }
      : T;

export type UserJson = Json<User>;
export type ConversationJson = Json<Conversation>;
export type ConversationPageJson = Json<ConversationPage>;
export type MessageJson = Json<MessageView>;
export type MessagePageJson = Json<MessagePage>;

/** `GET /api/v1/patterns/:id`: the pattern with its graph neighbours (null when the graph is unavailable). */
export type PatternJson = Json<Pattern> & {
  neighbours: Pick<Neighbour, 'edge' | 'direction' | 'node'>[] | null;
  notice?: string;
};

export interface SignedIn {
  user: UserJson;
  token: string;
}

export type Rating = 'up' | 'down';
