import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import type { PatternLearning } from '../../knowledge/learning/pattern-learning.ts';
import type { Agent } from '../agents/agent.ts';
import { ProjectRepository } from '../projects/project-repository.ts';
import { StoreCoverage } from '../agents/store-coverage.ts';
import { AskAgent } from '../agents/ask-agent.ts';
import { DebugAgent } from '../agents/debug/debug-agent.ts';
import { CodeSessionAgent } from '../agents/code-session/code-session-agent.ts';
import type { SessionRuns } from '../agents/code-session/session-runs.ts';
import { ToolConfirmations } from '../agents/tool-confirmations.ts';
import { ApprovalRepository } from '../code-sessions/approval-repository.ts';
import { ApprovalService } from '../code-sessions/approval-service.ts';
import { MigrateAgent } from '../agents/migrate/migrate-agent.ts';
import { ReviewAgent } from '../agents/review/review-agent.ts';
import { SmalltalkAgent } from '../agents/smalltalk-agent.ts';
import { ToolAgent } from '../agents/tool-agent.ts';
import { PostgresAuditLog } from '../audit/postgres-audit-log.ts';
import { PostgresAuditTrail } from '../audit/postgres-audit-trail.ts';
import { PostgresLoginThrottle } from '../auth/postgres-login-throttle.ts';
import { PostgresUsageStatistics } from '../usage/postgres-usage-statistics.ts';
import { sqlHandle } from '../../platform/database/sql-handle.ts';
import { AccountRepository } from '../admin/account-repository.ts';
import { AccountService } from '../admin/account-service.ts';
import { InviteRepository } from '../admin/invite-repository.ts';
import { postgresQuotaSources, UserQuotas } from '../quotas/user-quotas.ts';
import { ApiKeyRepository } from '../auth/api-key-repository.ts';
import { ApiKeyService } from '../auth/api-key-service.ts';
import { AuthService } from '../auth/auth-service.ts';
import { UserRepository } from '../auth/user-repository.ts';
import type { Config } from '../../platform/config/config.ts';
import { ConversationRepository } from '../conversations/conversation-repository.ts';
import { ConversationService } from '../conversations/conversation-service.ts';
import { ConversationTitler } from '../conversations/conversation-titler.ts';
import { queueTitle } from '../conversations/title-job.ts';
import { TurnFeed } from './turn-feed.ts';
import type { JobQueue } from '../../workers/queue/job-queue.ts';
import { MessageRepository } from '../conversations/message-repository.ts';
import { FeedbackRepository } from '../feedback/feedback-repository.ts';
import { FeedbackService } from '../feedback/feedback-service.ts';
import type { ApiServices } from '../http/api-env.ts';
import { createLlmProvider, isLocalEndpoint } from '../llm/create-llm-provider.ts';
import type { LlmProvider } from '../llm/llm-provider.ts';
import type { ToolHost } from '../mcp/tool-host.ts';
import { trainedIntentRouter } from '../routing/trained-intent-router.ts';
import { ChatService, type ChatServiceDependencies } from './chat-service.ts';
import { TurnPersister } from './turn-persister.ts';
import { TurnRecovery, runnerIdentity } from './turn-recovery.ts';
import { TurnDirectory } from './turn-directory.ts';
import type { TurnPeers } from './turn-peers.ts';
import { InstanceLease } from '../cluster/instance-lease.ts';
import { PostgresRequestCounter } from '../quotas/postgres-request-counter.ts';
import { TurnRegistry } from './turn-registry.ts';
import type { Intent, TurnEvent } from '../../protocol/turn-events.ts';
import { TurnRepository } from './turn-repository.ts';

export interface ChatModule extends Omit<
  ApiServices,
  'knowledge' | 'runs' | 'projects' | 'slack' | 'exports' | 'exportArchives' | 'imports'
> {
  /** Projects and their members (the project service is built on it once the job queue is up). */
  projectRepository: ProjectRepository;
  provider: LlmProvider;
  /** Also answers MCP clients' `ask` tool. */
  askAgent: Agent;
  /** Turn events of other servers as they reach this one, for SSE and raw WebSocket followers. */
  feed: TurnFeed;
  /** Writes model titles for new conversations: the title job's work. */
  titler: ConversationTitler;
  /** Closes turns a previous crash left open, then holds this server's lease (closing lapsed servers' turns). */
  start(): Promise<void>;
  /** Ends running turns as interrupted (their text kept) and waits for every write. */
  stop(): Promise<void>;
}

/** Builds the chat: repositories, auth, the provider, the turn registry and its persister, recovery. */
export function createChatModule(
  dataSource: DataSource,
  config: Pick<Config, 'llm' | 'security'> & Partial<Pick<Config, 'cluster'>>,
  log: Logger,
  hooks: Pick<ChatServiceDependencies, 'onConversationTitled'> & {
    provider?: LlmProvider;
    retriever?: ConstructorParameters<typeof AskAgent>[1];
    /** MCP tools for the tool agent, with the folders of servers Kiln configured itself. */
    tools?: { host: ToolHost; roots: Record<string, string[]> };
    /** The graph (FIXES, USES, SUPERSEDES edges) and the patterns, for the debug and migrate agents. */
    knowledge?: Pick<KnowledgeBase, 'graph' | 'patterns'> & {
      /** Where sessions file fixes, approvals save learned patterns and thumbs count (absent: nothing is learned). */
      learning?: Pick<PatternLearning, 'learn' | 'recordFix' | 'recordFeedback'>;
    };
    /** Sandbox runs for code sessions (known once the job queue has started). */
    runs?: () => SessionRuns | undefined;
    /** The other servers on this database (KILN_CLUSTER=on), known once Socket.IO has its adapter. */
    peers?: () => TurnPeers | undefined;
    /** The job queue for titles, once started (KILN_CLUSTER=on): any server writes them. Without: this one does. */
    jobs?: () => JobQueue | undefined;
    /** A turn another server ran was closed here (its server died): its final event, for the turn's watchers. */
    onTurnClosed?: (conversationId: string, final: TurnEvent) => void;
  } = {},
): ChatModule {
  const conversationRepository = new ConversationRepository(dataSource);
  const messageRepository = new MessageRepository(dataSource);
  const turnRepository = new TurnRepository(dataSource);
  const registry = new TurnRegistry({
    retentionMs: 10 * 60_000,
    onListenerError: (error) => log.error({ err: error }, 'a turn event sink failed'),
  });
  const persister = new TurnPersister(turnRepository, log);
  registry.onEvent((event, turnLog) => persister.handle(event, turnLog));
  registry.beforeFinal((turnLog, final) => persister.finalize(turnLog, final));
  const provider = hooks.provider ?? createLlmProvider(config.llm);
  const feed = new TurnFeed();
  const titler = new ConversationTitler(provider, conversationRepository, log, (ownerId, conversationId, title) =>
    hooks.onConversationTitled?.(ownerId, conversationId, title),
  );
  const askAgent = new AskAgent(provider, hooks.retriever, {
    coverage: hooks.knowledge?.patterns ? new StoreCoverage(hooks.knowledge.patterns) : undefined,
  });
  const store = { retriever: hooks.retriever, graph: hooks.knowledge?.graph, patterns: hooks.knowledge?.patterns };
  const confirmations = new ToolConfirmations();
  /** The agent of each intent; an intent without one is answered by the ask agent. */
  const agents: Partial<Record<Intent, Agent>> = {
    ask: askAgent,
    generate: new CodeSessionAgent({
      provider,
      retriever: hooks.retriever,
      runs: hooks.runs,
      knowledge: store,
      learning: hooks.knowledge?.learning,
      confirm: confirmations.wait,
    }),
    smalltalk: new SmalltalkAgent(provider),
    tool:
      hooks.tools &&
      new ToolAgent(hooks.tools.host, { roots: hooks.tools.roots, provider, confirm: confirmations.wait }),
    debug: new DebugAgent(provider, store),
    migrate: new MigrateAgent(provider, store),
    review: new ReviewAgent(provider, hooks.retriever),
  };
  const recovery = new TurnRecovery(turnRepository, log, (conversationId, final) =>
    hooks.onTurnClosed?.(conversationId, final),
  );
  const sql = sqlHandle(dataSource);
  const runner = runnerIdentity();
  const lease = new InstanceLease(sql, runner, (lapseMs) => recovery.closeLapsed(lapseMs).then(() => {}), log);
  const projectRepository = new ProjectRepository(sql);
  const conversations = new ConversationService(conversationRepository, messageRepository, turnRepository, {
    roleOf: (projectId, userId) => projectRepository.roleOf(projectId, userId),
  });
  const audit = new PostgresAuditLog(sql, log.child({ component: 'audit' }));
  const apiKeyRepository = new ApiKeyRepository(sql);
  const auth = new AuthService(new UserRepository(dataSource), undefined, apiKeyRepository, config.security.signup);
  // With other servers on the database, requests per minute are counted through Postgres.
  const requestCounter = config.cluster ? new PostgresRequestCounter(sql, log) : undefined;
  const quotas = new UserQuotas(
    config.security.quotas,
    postgresQuotaSources(sql, (userId) => registry.running().filter((turnLog) => turnLog.ownerId === userId).length, {
      shared: config.cluster ?? false,
      limit: config.security.quotas.concurrentTurns,
    }),
    Date.now,
    requestCounter,
  );

  return {
    provider,
    projectRepository,
    askAgent,
    confirmations,
    approvals: new ApprovalService({
      conversations,
      messages: messageRepository,
      turns: turnRepository,
      approvals: new ApprovalRepository(dataSource),
      learning: () => hooks.knowledge?.learning,
    }),
    auth,
    audit,
    auditTrail: new PostgresAuditTrail(sql),
    loginThrottle: new PostgresLoginThrottle(sql),
    usage: new PostgresUsageStatistics(sql),
    apiKeys: new ApiKeyService(apiKeyRepository, auth, audit),
    quotas,
    accounts: new AccountService(new AccountRepository(sql), new InviteRepository(sql), auth, audit, {
      publicOrigin: config.security.publicOrigins[0],
    }),
    conversations,
    feedback: new FeedbackService(
      conversations,
      messageRepository,
      new FeedbackRepository(dataSource),
      hooks.knowledge?.learning ? { answers: turnRepository, learning: hooks.knowledge.learning, log } : undefined,
    ),
    registry,
    turnDirectory: new TurnDirectory({ registry, turns: turnRepository, peers: () => hooks.peers?.(), feed }),
    feed,
    chat: new ChatService({
      conversations: conversationRepository,
      messages: messageRepository,
      turns: turnRepository,
      registry,
      router: trainedIntentRouter(),
      agentFor: (intent) => agents[intent] ?? askAgent,
      engine: provider.engine,
      localModel: config.llm.provider === 'openai' && isLocalEndpoint(config.llm.baseUrl),
      runner,
      log,
      quotas,
      projectOf: (userId, projectId) => projectRepository.projectOfMember(projectId, userId),
      onConversationTitled: hooks.onConversationTitled,
      // The offline engine writes no titles: nothing to ask for.
      requestTitle:
        provider.engine.provider === 'offline'
          ? undefined
          : async (request) => {
              const jobs = hooks.jobs?.();
              if (jobs) await queueTitle(jobs, request);
              else await titler.retitle(request);
            },
    }),
    titler,
    async start() {
      await recovery.recoverAfterCrash();
      await lease.start();
      requestCounter?.start();
    },
    async stop() {
      await registry.abortAll();
      await persister.whenIdle();
      await lease.stop().catch((error: unknown) => log.warn({ err: error }, 'giving the lease back failed'));
      await requestCounter?.stop();
    },
  };
}
