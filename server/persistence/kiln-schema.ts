import { orderedMigrations, type DatabaseSchema } from '../../platform/database/open-data-source.ts';
import { knowledgeMigrations } from '../../knowledge/schema/knowledge-migrations.ts';
import { workersMigrations } from '../../workers/runs/workers-migrations.ts';
import { AuthSessionEntity } from './entities/auth-session-entity.ts';
import { ConversationEntity } from './entities/conversation-entity.ts';
import { MessageEntity } from './entities/message-entity.ts';
import { TurnEntity } from './entities/turn-entity.ts';
import { UserEntity } from './entities/user-entity.ts';
import { InitialSchema1795300000000 } from './migrations/1795300000000-initial-schema.ts';
import { SessionsAndTurns1795300000002 } from './migrations/1795300000002-sessions-and-turns.ts';
import { AnswerDetailsAndFeedback1795300000005 } from './migrations/1795300000005-answer-details-and-feedback.ts';
import { SessionApprovals1795300000009 } from './migrations/1795300000009-session-approvals.ts';
import { ApiKeys1795300000010 } from './migrations/1795300000010-api-keys.ts';
import { AccountsAndInvites1795300000011 } from './migrations/1795300000011-accounts-and-invites.ts';
import { QuotaIndexes1795300000014 } from './migrations/1795300000014-quota-indexes.ts';
import { AuditLog1795300000012 } from './migrations/1795300000012-audit-log.ts';
import { UsageIndexes1795300000013 } from './migrations/1795300000013-usage-indexes.ts';
import { Projects1795300000016 } from '../projects/1795300000016-projects.ts';
import { Slack1795300000017 } from '../slack/1795300000017-slack.ts';
import { ConversationOrigins1795300000018 } from '../exports/1795300000018-conversation-origins.ts';
import { LoginThrottle1795300000019 } from '../auth/1795300000019-login-throttle.ts';
import { Cluster1795300000020 } from '../cluster/1795300000020-cluster.ts';
import { RequestCounts1795300000021 } from '../quotas/1795300000021-request-counts.ts';
import { ExportArchives1795300000023 } from '../exports/1795300000023-export-archives.ts';

/** The server's own migrations; each module keeps the migrations of the tables it owns beside it. */
const serverMigrations = [
  InitialSchema1795300000000,
  SessionsAndTurns1795300000002,
  AnswerDetailsAndFeedback1795300000005,
  SessionApprovals1795300000009,
  ApiKeys1795300000010,
  AccountsAndInvites1795300000011,
  AuditLog1795300000012,
  UsageIndexes1795300000013,
  QuotaIndexes1795300000014,
  Projects1795300000016,
  Slack1795300000017,
  ConversationOrigins1795300000018,
  LoginThrottle1795300000019,
  Cluster1795300000020,
  RequestCounts1795300000021,
  ExportArchives1795300000023,
];

/** Kiln's whole schema: the server's entities, and every module's migrations in one list ordered by timestamp. */
export const kilnSchema: DatabaseSchema = {
  entities: [UserEntity, AuthSessionEntity, ConversationEntity, MessageEntity, TurnEntity],
  migrations: orderedMigrations(serverMigrations, knowledgeMigrations, workersMigrations),
};
