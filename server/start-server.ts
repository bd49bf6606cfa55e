import type { TurnEvent } from '../protocol/turn-events.ts';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Logger } from 'pino';
import type { JobQueue } from '../workers/queue/job-queue.ts';
import { PgBossJobQueue } from '../workers/queue/pg-boss-job-queue.ts';
import { PostgresRunStore } from '../workers/runs/postgres-run-store.ts';
import { chooseSandbox, type SandboxChoice } from '../workers/sandbox/choose-sandbox.ts';
import { sandboxReadinessCheck } from '../workers/sandbox/sandbox-readiness.ts';
import { warmUpTypeChecks } from '../workers/sandbox/runners/type-check-thread.ts';
import { registerJobs } from '../workers/start-workers.ts';
import { registerTitleJob } from './conversations/title-job.ts';
import { shareRevocations } from './realtime/share-revocations.ts';
import { RunEventListener } from './runs/run-event-listener.ts';
import { RunService } from './runs/run-service.ts';
import type { ProjectService } from './projects/project-service.ts';
import { startProjects } from './projects/start-projects.ts';
import { ExportArchiveRepository } from './exports/export-archive-repository.ts';
import { archiveView, ExportArchiveService } from './exports/export-archive-service.ts';
import { queueExportArchive, registerExportArchiveJob } from './exports/export-archive-job.ts';
import type { Config } from '../platform/config/config.ts';
import { createApp } from './http/app.ts';
import { defaultClientDirectory } from './http/client-routes.ts';
import { HttpMetrics } from './http/http-metrics.ts';
import { startKilnInfrastructure, type KilnInfrastructure } from './kiln-infrastructure.ts';
import { evaluateReadiness, type ReadinessCheck, type ReadinessReport } from '../platform/infrastructure/readiness.ts';
import { llmReadinessCheck } from './llm/llm-readiness.ts';
import { attachRealtime } from './realtime/attach-realtime.ts';
import { conversationRoom, userRoom } from './realtime/chat-gateway.ts';
import { attachPostgresSocketAdapter } from './realtime/postgres-socket-adapter.ts';
import { socketTurnPeers } from './realtime/socket-turn-peers.ts';
import { clusterTurnFanOut } from './realtime/cluster-turn-fan-out.ts';
import type { TurnPeers } from './chat/turn-peers.ts';
import { createChatModule, type ChatModule } from './chat/chat-module.ts';
import { createKnowledgeBase, type KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { sqlHandle } from '../platform/database/sql-handle.ts';
import type { ApiServices } from './http/api-env.ts';
import type { LlmProvider } from './llm/llm-provider.ts';
import { createToolHost } from './mcp/create-tool-host.ts';
import { kilnVersion } from './version.ts';
import { SlackRepository } from './slack/slack-repository.ts';
import { SlackAccountLinks } from './slack/slack-account-links.ts';
import { exportArchiveOf, exportService } from './exports/export-module.ts';
import { ImportService } from './exports/import-service.ts';
import { ImportWriter } from './exports/import-writer.ts';
import type { SlackAdapter } from './slack/start-slack.ts';
import type { SlackEventsEndpoint } from './slack/slack-event-routes.ts';

export interface RunningServer {
  url: string;
  port: number;
  infrastructure: KilnInfrastructure;
  knowledge: KnowledgeBase;
  runs: RunService;
  /** Stops accepting, drains in-flight requests (up to the shutdown timeout), stops workers and releases services. */
  stop(): Promise<void>;
}

/**
 * Starts Kiln: the HTTP server listens first (so `/health` answers and `/ready`
 * says 503 while dependencies start), then the infrastructure and in-process
 * workers come up, then `/ready` turns 200.
 */
export async function startServer(
  config: Config,
  log: Logger,
  options: { provider?: LlmProvider } = {},
): Promise<RunningServer> {
  const metrics = new HttpMetrics();
  let phase: 'starting' | 'ready' | 'stopping' = 'starting';
  let infrastructure: KilnInfrastructure | undefined;
  let chat: ChatModule | undefined;
  let knowledge: KnowledgeBase | undefined;
  /** Built once start-up completes; what every API request and socket event asks for. */
  let ready: ApiServices | undefined;
  const services = (): ApiServices | undefined => (phase === 'ready' ? ready : undefined);
  // Before listening: a bad MCP server file stops start-up with its problems named. No server starts yet.
  const tools = await createToolHost(config.mcp, log);
  // Proven with a hello-world run while the rest starts; code execution stays off (fail closed) until it is.
  let sandbox: SandboxChoice | undefined;
  const sandboxChosen = chooseSandbox(config.sandbox).then((choice) => {
    sandbox = choice;
    if (choice.sandbox) log.info({ sandbox: choice.detail }, 'sandbox ready');
    else log.warn({ reason: choice.reason }, 'no sandbox: code execution is off');
  });
  let slack: SlackAdapter | undefined;
  const informativeChecks: ReadinessCheck[] = [
    llmReadinessCheck(config.llm),
    sandboxReadinessCheck(() => sandbox),
    {
      name: 'slack',
      required: false,
      run: async () =>
        !config.slack
          ? { ok: true, detail: 'off (set SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET or SLACK_APP_TOKEN to turn it on)' }
          : slack
            ? slack.readiness.run()
            : { ok: false, detail: 'starting' },
    },
  ];
  const slackEvents = (): SlackEventsEndpoint => {
    if (!config.slack) {
      return {
        status: 404,
        code: 'slack_off',
        message: 'The Slack adapter is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (see the README, "Slack").',
      };
    }
    if (config.slack.mode === 'socket') {
      return {
        status: 404,
        code: 'slack_socket_mode',
        message: 'Kiln takes Slack events over Socket Mode (SLACK_APP_TOKEN is set), not at this URL.',
      };
    }
    return phase === 'ready' && slack?.events
      ? slack.events
      : { status: 503, code: 'unavailable', message: 'Kiln is starting or stopping; Slack will retry.' };
  };

  const readiness = async (): Promise<ReadinessReport> => {
    if (phase !== 'ready' || !infrastructure) {
      const detail = phase === 'starting' ? 'starting' : 'shutting down';
      const pending = Object.fromEntries(['postgres', 'chroma', 'graph'].map((name) => [name, { ok: false, detail }]));
      const informative = await evaluateReadiness(informativeChecks);
      return { ready: false, checks: { ...pending, ...informative.checks } };
    }
    return evaluateReadiness([...infrastructure.readinessChecks, ...informativeChecks]);
  };

  const { app, injectWebSocket, rawWebSockets } = createApp({
    log,
    metrics,
    readiness,
    clientDirectory: defaultClientDirectory(),
    version: kilnVersion,
    security: config.security,
    services,
    slackEvents,
    mcpServices: () =>
      phase === 'ready' && ready && chat
        ? {
            auth: ready.auth,
            retriever: ready.knowledge.retriever,
            ask: chat.askAgent,
            projectRoleOf: (projectId: string, userId: string) => chat!.projectRepository.roleOf(projectId, userId),
          }
        : undefined,
  });
  const server = await listen(app.fetch, config.port, config.host);
  const realtime = attachRealtime(server, injectWebSocket, rawWebSockets, {
    log,
    version: kilnVersion,
    security: config.security,
    services,
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host}:${port}`;
  log.info({ url }, 'listening; starting dependencies');

  let jobs: JobQueue | undefined;
  let runEvents: RunEventListener | undefined;
  let runs: RunService | undefined;
  let runSweep: NodeJS.Timeout | undefined;
  let archiveSweep: NodeJS.Timeout | undefined;
  let exportArchives: ExportArchiveService | undefined;
  let projects: ProjectService | undefined;
  let slackRepository: SlackRepository | undefined;
  let importWriter: ImportWriter | undefined;
  let socketAdapter: { close(): Promise<void> } | undefined;
  let peers: TurnPeers | undefined;
  /** With KILN_CLUSTER=on: this server's turn events to every server's watchers. */
  let fanOut: ((conversationId: string, event: TurnEvent) => void) | undefined;
  try {
    infrastructure = await startKilnInfrastructure(config, log);
    if (config.cluster) socketAdapter = attachPostgresSocketAdapter(realtime.io, infrastructure.databaseUrl, log);
    knowledge = await createKnowledgeBase({
      sql: sqlHandle(infrastructure.dataSource),
      chroma: infrastructure.chroma,
      chromaUrl: infrastructure.chromaUrl,
      graph: infrastructure.graph,
      log,
      embeddings: config.embeddings,
    });
    // Idempotent: only new or changed seed patterns are written. A failure leaves search to what is stored.
    await knowledge.loadSeeds().catch((error: unknown) => log.error({ err: error }, 'loading the seed corpus failed'));
    chat = createChatModule(infrastructure.dataSource, config, log, {
      provider: options.provider,
      retriever: knowledge.retriever,
      tools,
      knowledge,
      runs: () => runs,
      onConversationTitled: (ownerId, conversationId, title) =>
        realtime.io.to(userRoom(ownerId)).emit('conversation:updated', { id: conversationId, title }),
      peers: () => peers,
      // Alone, a server writes titles itself: a job would cost each new chat three statements (about 1 ms of CPU,
      // measured by bench:chat) for no gain. With others on the database, any of them takes the job.
      jobs: () => (config.cluster ? jobs : undefined),
      // A dead server's turn closed here: its watchers on every server are told, sockets and streams alike.
      onTurnClosed: (conversationId, final) => {
        chat?.feed.publish(final);
        if (fanOut) fanOut(conversationId, final);
        else realtime.io.to(conversationRoom(conversationId)).emit('turn:event', final);
      },
    });
    if (config.cluster) {
      peers = socketTurnPeers(realtime.io, chat.registry);
      fanOut = clusterTurnFanOut(realtime.io, chat.feed);
      shareRevocations(realtime.io, chat.auth);
    }
    await chat.start();
    await sandboxChosen;
    // The queue carries runs to workers; with KILN_WORKERS=off only `npm run worker` processes take them.
    const queue = await PgBossJobQueue.start(infrastructure.databaseUrl, log.child({ component: 'jobs' }), {
      stopTimeoutMs: config.shutdownTimeoutMs,
    });
    jobs = queue;
    // Every server of a cluster writes titles: the model call needs a server's provider.
    if (config.cluster) await registerTitleJob(queue, chat.titler);
    const sql = sqlHandle(infrastructure.dataSource);
    slackRepository = new SlackRepository(sql);
    importWriter = new ImportWriter(sql);
    if (config.workers === 'in-process') {
      await registerJobs(
        queue,
        { sql, sandboxConfig: config.sandbox, sandbox: () => sandbox, learning: knowledge.learning },
        log,
      );
    }
    runEvents = await RunEventListener.start(infrastructure.databaseUrl, log);
    projects = await startProjects({
      sql,
      repository: chat.projectRepository,
      knowledge,
      queue,
      listener: runEvents,
      settings: config.projects,
      tell: (userId, source) => realtime.io.to(userRoom(userId)).emit('project:source', source),
      log,
    });
    const archives = new ExportArchiveRepository(sql);
    await registerExportArchiveJob(queue, {
      repository: archives,
      archiveOf: exportArchiveOf(infrastructure.dataSource),
      kilnVersion,
      tell: (archive) => realtime.io.to(userRoom(archive.ownerId)).emit('export:archive', archiveView(archive)),
      log: log.child({ component: 'exports' }),
    });
    exportArchives = new ExportArchiveService({
      repository: archives,
      queue: (archiveId) => queueExportArchive(queue, archiveId),
      audit: chat.audit,
    });
    // Prepared exports are kept a day; every server deletes the expired (the same rows: whichever runs first).
    archiveSweep = setInterval(
      () =>
        void archives
          .removeExpired()
          .catch((error: unknown) => log.warn({ err: error }, 'deleting expired exports failed')),
      10 * 60_000,
    );
    archiveSweep.unref();
    runs = new RunService({
      runs: new PostgresRunStore(sql),
      queue,
      listener: runEvents,
      sandbox: () => sandbox,
      config: config.sandbox,
      quotas: chat.quotas,
    });
    const runService = runs;
    if (config.slack) {
      const base = config.security.publicOrigins[0] ?? url;
      const chatModule = chat;
      // Loaded only when Slack is configured: Slack's SDKs take about 0.4 s to load.
      const { startSlack } = await import('./slack/start-slack.ts');
      slack = await startSlack(
        config.slack,
        {
          repository: slackRepository,
          // Alone, a server answers a message itself, as it arrives: the job's statements took bench:slack's ack
          // p99 past its 100 ms target. With others on the database, any of them takes it.
          queue: config.cluster ? queue : undefined,
          chat: chatModule.chat,
          conversations: chatModule.conversations,
          registry: chatModule.registry,
          feedback: chatModule.feedback,
          roleOf: (projectId, userId) => chatModule.projectRepository.roleOf(projectId, userId),
          links: {
            conversationUrl: (conversationId) => `${base}/c/${conversationId}`,
            patternUrl: (patternId) => `${base}/knowledge?pattern=${patternId}`,
          },
          log,
        },
        log,
      );
    }
    const recoverRuns = () =>
      runService
        .recoverAbandoned()
        .then((owners) => owners && log.warn({ owners }, 'ended runs a stopped process left behind'))
        .catch((error: unknown) => log.warn({ err: error }, 'checking for abandoned runs failed'));
    await recoverRuns();
    runSweep = setInterval(() => void recoverRuns(), 60_000);
    runSweep.unref();
  } catch (error) {
    clearInterval(archiveSweep);
    await slack?.stop().catch(() => undefined);
    await realtime.close().catch(() => undefined);
    await socketAdapter?.close().catch(() => undefined);
    await runEvents?.close().catch(() => undefined);
    await jobs?.stop().catch(() => undefined);
    await tools.host.close().catch(() => undefined);
    await infrastructure?.stop().catch(() => undefined);
    throw error;
  }
  ready = {
    ...chat,
    knowledge,
    runs,
    projects: projects!,
    slack: new SlackAccountLinks(slackRepository!, config.slack?.mode),
    exports: exportService(infrastructure.dataSource, chat.audit, kilnVersion),
    exportArchives: exportArchives!,
    imports: new ImportService(importWriter!, config.imports, log, (userId, progress) =>
      realtime.io.to(userRoom(userId)).emit('import:progress', progress),
    ),
  };
  realtime.subscribe(ready, fanOut);
  phase = 'ready';
  log.info({ url, ...infrastructure.summary, workers: config.workers }, `Kiln is ready at ${url}`);
  // The first type check of a process parses TypeScript's libraries (seconds, on a thread): after start-up, not
  // during it, and not on someone's first run.
  if (config.workers === 'in-process') warmUpTypeChecks();

  const started = infrastructure;
  return {
    url,
    port,
    infrastructure: started,
    knowledge: knowledge!,
    runs: runs!,
    async stop() {
      phase = 'stopping';
      log.info('shutting down: no new connections, draining requests');
      // No new Slack events; answers being written to Slack end with their turns, below.
      await slack?.stop().catch((error: unknown) => log.warn({ err: error }, 'stopping the Slack adapter failed'));
      // Running turns end as interrupted, their text saved, and every open tab is told before sockets close.
      await chat?.stop().catch((error: unknown) => log.warn({ err: error }, 'stopping running turns failed'));
      await slack?.idle(5_000);
      // The MCP servers Kiln started end with it.
      await tools.host.close().catch((error: unknown) => log.warn({ err: error }, 'stopping the MCP servers failed'));
      const forceClose = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutMs);
      forceClose.unref();
      // Closes Socket.IO clients and the HTTP server; resolves once in-flight requests have finished.
      await realtime.close();
      await socketAdapter
        ?.close()
        .catch((error: unknown) => log.warn({ err: error }, 'closing the Socket.IO adapter failed'));
      clearTimeout(forceClose);
      clearInterval(runSweep);
      clearInterval(archiveSweep);
      await runEvents?.close().catch(() => undefined);
      await jobs?.stop().catch((error: unknown) => log.warn({ err: error }, 'stopping the job queue failed'));
      await started.stop();
      log.info('stopped');
    },
  };
}

function listen(fetch: Parameters<typeof serve>[0]['fetch'], port: number, hostname: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname }) as Server;
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new Error(
            `Port ${port} on ${hostname} is already in use. Stop the other program or set PORT to a free port.`,
          ),
        );
      } else {
        reject(error);
      }
    });
    server.once('listening', () => resolve(server));
  });
}
