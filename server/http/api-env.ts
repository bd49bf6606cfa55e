import type { AuthService } from '../auth/auth-service.ts';
import type { User } from '../../protocol/user.ts';
import type { ChatService } from '../chat/chat-service.ts';
import type { TurnRegistry } from '../chat/turn-registry.ts';
import type { ConversationService } from '../conversations/conversation-service.ts';
import type { FeedbackService } from '../feedback/feedback-service.ts';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import type { RunService } from '../runs/run-service.ts';
import type { ToolConfirmations } from '../agents/tool-confirmations.ts';
import type { ApprovalService } from '../code-sessions/approval-service.ts';

/** The services behind `/api/v1`, available once start-up has finished. */
export interface ApiServices {
  auth: AuthService;
  chat: ChatService;
  conversations: ConversationService;
  registry: TurnRegistry;
  feedback: FeedbackService;
  knowledge: KnowledgeBase;
  runs: RunService;
  /** Decisions on code sessions (approve → learned pattern, reject). */
  approvals: ApprovalService;
  /** Tool calls waiting for their user's confirmation. */
  confirmations: ToolConfirmations;
}

/** Hono context of API routes: the services, the request id, and (behind `requireUser`) the signed-in user. */
export type ApiEnv = { Variables: { services: ApiServices; user: User; requestId: string } };
