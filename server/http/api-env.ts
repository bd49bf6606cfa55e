import type { UserQuotas } from '../quotas/user-quotas.ts';
import type { ApiKeyService } from '../auth/api-key-service.ts';
import type { AccountService } from '../admin/account-service.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { AuditTrail } from '../audit/audit-trail.ts';
import type { AuthenticatedSession, AuthService } from '../auth/auth-service.ts';
import type { LoginThrottle } from '../auth/login-throttle.ts';
import type { User } from '../../protocol/user.ts';
import type { ChatService } from '../chat/chat-service.ts';
import type { TurnDirectory } from '../chat/turn-directory.ts';
import type { TurnRegistry } from '../chat/turn-registry.ts';
import type { ConversationService } from '../conversations/conversation-service.ts';
import type { FeedbackService } from '../feedback/feedback-service.ts';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import type { RunService } from '../runs/run-service.ts';
import type { ToolConfirmations } from '../agents/tool-confirmations.ts';
import type { ApprovalService } from '../code-sessions/approval-service.ts';
import type { UsageStatistics } from '../usage/usage-statistics.ts';
import type { ProjectService } from '../projects/project-service.ts';
import type { SlackAccountLinks } from '../slack/slack-account-links.ts';
import type { ExportService } from '../exports/export-service.ts';
import type { ExportArchiveService } from '../exports/export-archive-service.ts';
import type { ImportService } from '../exports/import-service.ts';

/** The services behind `/api/v1`, available once start-up has finished. */
export interface ApiServices {
  auth: AuthService;
  chat: ChatService;
  conversations: ConversationService;
  registry: TurnRegistry;
  /** Turns wherever they run: this process, another server on the database, or only in Postgres. */
  turnDirectory: TurnDirectory;
  feedback: FeedbackService;
  knowledge: KnowledgeBase;
  runs: RunService;
  /** Decisions on code sessions (approve → learned pattern, reject). */
  approvals: ApprovalService;
  /** Tool calls waiting for their user's confirmation. */
  confirmations: ToolConfirmations;
  /** Sign-in and sign-up attempts, counted across instances; without it, the auth routes count in memory. */
  loginThrottle?: LoginThrottle;
  /** Per-user quotas: requests per minute here; turns and runs are checked by their services. */
  quotas: UserQuotas;
  /** The signed-in user's own API keys. */
  apiKeys: ApiKeyService;
  /** Who did what: sign-ins, keys, roles, disabled users, exports (read by admins). */
  audit: AuditLog;
  /** The audit log's read side, for admins (`GET /api/v1/admin/audit`). */
  auditTrail: AuditTrail;
  /** Tokens, cost, intents and runs per user and day, for admins (`GET /api/v1/admin/usage`). */
  usage: UsageStatistics;
  /** Projects, their sources and members (`/api/v1/projects`). */
  projects: ProjectService;
  /** Conversation export: one (`…/conversations/:id/export`) or all as a ZIP (`/api/v1/exports`). */
  exports: ExportService;
  /** The same ZIP prepared in the background, downloaded later (`/api/v1/exports/archives`). */
  exportArchives: ExportArchiveService;
  /** Conversation import from Kiln, ChatGPT, Claude and Open WebUI files (`/api/v1/imports`). */
  imports: ImportService;
  /** Linking Slack accounts to the caller's (`/api/v1/slack`). */
  slack: SlackAccountLinks;
  /** Accounts and invites as admins manage them (`/api/v1/admin/users`, `/api/v1/admin/invites`). */
  accounts: AccountService;
}

/** Hono context of API routes: the services, the request id, and (behind `requireUser`) the signed-in user. */
export type ApiEnv = {
  Variables: { services: ApiServices; user: User; session: AuthenticatedSession; requestId: string };
};
