import type { AccountView, InviteView } from '$protocol/account.ts';
import type { User } from '$protocol/user.ts';
import type { Conversation, ConversationPage, MessagePage, MessageView } from '$protocol/conversation.ts';
import type { KnowledgeOverview, PatternDetailsView, PatternSummaryView, PatternView } from '$protocol/pattern-view.ts';
import type { AuditEntryView, AuditPage } from '$protocol/audit.ts';
import type { UsageReport } from '$protocol/usage-report.ts';

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
export type PatternJson = Json<PatternDetailsView>;
/** What retiring or restoring a pattern answers. */
export type PatternViewJson = Json<PatternView>;
/** `GET /api/v1/knowledge`. */
export type KnowledgeJson = Json<KnowledgeOverview>;
export type PatternSummaryJson = Json<PatternSummaryView>;

/** `GET /api/v1/admin/usage` (admins only). */
export type UsageReportJson = Json<UsageReport>;
/** `GET /api/v1/admin/audit` (admins only). */
export type AuditPageJson = Json<AuditPage>;
export type AuditEntryJson = Json<AuditEntryView>;

/** An account as an admin sees it (`GET /api/v1/admin/users`). */
export type AccountJson = Json<AccountView>;
/** A pending invite (`GET /api/v1/admin/invites`). */
export type InviteJson = Json<InviteView>;

export interface SignedIn {
  user: UserJson;
  token: string;
}

export type Rating = 'up' | 'down';
