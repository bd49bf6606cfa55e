import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting Kiln reads from the environment, parsed once at start-up.
 * Nothing below an entry point reads `process.env`: the parsed `Config` is
 * passed in instead. Blank values count as unset, so `FOO=` in a .env file
 * means "use the default", never "use the empty string".
 */
const blankIsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const optionalText = z.preprocess(blankIsUnset, z.string().trim().optional());
const optionalUrl = (protocols: string[]) =>
  z.preprocess(
    blankIsUnset,
    z
      .string()
      .trim()
      .refine(
        (value) => {
          try {
            return protocols.includes(new URL(value).protocol);
          } catch {
            return false;
          }
        },
        `must be a URL starting with ${protocols.map((protocol) => `${protocol}//`).join(' or ')}`,
      )
      .optional(),
  );

const environmentSchema = z.object({
  PORT: z.preprocess(blankIsUnset, z.coerce.number().int().min(0).max(65535).default(3000)),
  HOST: z.preprocess(blankIsUnset, z.string().default('127.0.0.1')),
  KILN_DATA_DIR: z.preprocess(blankIsUnset, z.string().default('.kiln')),
  LOG_LEVEL: z.preprocess(
    blankIsUnset,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  KILN_WORKERS: z.preprocess(blankIsUnset, z.enum(['in-process', 'off']).default('in-process')),
  KILN_CLUSTER: z.preprocess(blankIsUnset, z.enum(['on', 'off']).default('off')),
  KILN_WORKER_HEALTH_PORT: z.preprocess(blankIsUnset, z.coerce.number().int().min(1).max(65535).optional()),
  SHUTDOWN_TIMEOUT_MS: z.preprocess(blankIsUnset, z.coerce.number().int().min(0).default(10_000)),
  DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
  CHROMA_URL: optionalUrl(['http:', 'https:']),
  NEO4J_URI: optionalUrl(['neo4j:', 'neo4j+s:', 'neo4j+ssc:', 'bolt:', 'bolt+s:', 'bolt+ssc:']),
  NEO4J_USER: z.preprocess(blankIsUnset, z.string().default('neo4j')),
  NEO4J_PASSWORD: optionalText,
  LLM_PROVIDER: z.preprocess(blankIsUnset, z.enum(['offline', 'anthropic', 'openai']).optional()),
  LLM_MODEL: optionalText,
  ANTHROPIC_API_KEY: optionalText,
  ANTHROPIC_BASE_URL: optionalUrl(['http:', 'https:']),
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalUrl(['http:', 'https:']),
  EMBEDDINGS_BASE_URL: optionalUrl(['http:', 'https:']),
  EMBEDDINGS_MODEL: optionalText,
  EMBEDDINGS_API_KEY: optionalText,
  SANDBOX: z.preprocess(blankIsUnset, z.enum(['auto', 'bubblewrap', 'docker', 'off']).default('auto')),
  DOCKER_HOST: optionalText,
  KILN_SANDBOX_IMAGE: z.preprocess(blankIsUnset, z.string().trim().default('kiln-sandbox:local')),
  KILN_PUBLIC_URL: z.preprocess(
    blankIsUnset,
    z
      .string()
      .trim()
      .transform((value) =>
        value
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z.string().refine((value) => {
            try {
              const url = new URL(value);
              return (url.protocol === 'http:' || url.protocol === 'https:') && (url.pathname === '/' || !url.pathname);
            } catch {
              return false;
            }
          }, 'must be one or more origins separated by commas, like https://kiln.example.com'),
        ),
      )
      .optional(),
  ),
  KILN_TRUST_PROXY: z.preprocess(blankIsUnset, z.enum(['off', 'on']).default('off')),
  KILN_METRICS_TOKEN: optionalText,
  KILN_SIGNUP: z.preprocess(blankIsUnset, z.enum(['open', 'invite', 'off']).default('open')),
  KILN_QUOTA_REQUESTS_PER_MINUTE: z.preprocess(blankIsUnset, z.coerce.number().int().min(0).default(600)),
  KILN_QUOTA_CONCURRENT_TURNS: z.preprocess(blankIsUnset, z.coerce.number().int().min(0).default(4)),
  KILN_QUOTA_RUNS_PER_HOUR: z.preprocess(blankIsUnset, z.coerce.number().int().min(0).default(300)),
  KILN_QUOTA_TOKENS_PER_DAY: z.preprocess(blankIsUnset, z.coerce.number().int().min(0).default(2_000_000)),
  KILN_RUN_TIMEOUT_MS: z.preprocess(blankIsUnset, z.coerce.number().int().min(100).max(60_000).default(10_000)),
  KILN_RUN_MAX_TIMEOUT_MS: z.preprocess(blankIsUnset, z.coerce.number().int().min(100).max(600_000).default(60_000)),
  KILN_RUN_MEMORY_MB: z.preprocess(blankIsUnset, z.coerce.number().int().min(32).max(65_536).default(256)),
  KILN_RUN_PROCESSES: z.preprocess(blankIsUnset, z.coerce.number().int().min(4).max(4096).default(64)),
  KILN_RUN_OUTPUT_BYTES: z.preprocess(
    blankIsUnset,
    z.coerce
      .number()
      .int()
      .min(1024)
      .max(64 * 1024 * 1024)
      .default(1024 * 1024),
  ),
  KILN_RUNS_PER_USER: z.preprocess(blankIsUnset, z.coerce.number().int().min(1).max(64).default(2)),
  KILN_RUN_CONCURRENCY: z.preprocess(blankIsUnset, z.coerce.number().int().min(1).max(256).optional()),
  KILN_PROJECT_ROOTS: optionalText,
  KILN_PROJECT_UPLOAD_MB: z.preprocess(blankIsUnset, z.coerce.number().int().min(1).max(10_240).default(100)),
  KILN_IMPORT_MAX_MB: z.preprocess(blankIsUnset, z.coerce.number().int().min(1).max(10_240).default(250)),
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: optionalUrl(['http:', 'https:']),
  MCP_CONFIG: optionalText,
  MCP_FILESYSTEM_ROOTS: optionalText,
  MCP_TOOL_TIMEOUT_MS: z.preprocess(blankIsUnset, z.coerce.number().int().min(1).default(30_000)),
  MCP_START_TIMEOUT_MS: z.preprocess(blankIsUnset, z.coerce.number().int().min(1).default(30_000)),
});

/** Every environment variable Kiln reads; README.md and .env.example must document each (a test checks). */
export const environmentVariables = Object.keys(environmentSchema.shape);

export type LlmSettings =
  | { provider: 'offline' }
  | { provider: 'anthropic'; model: string; apiKey: string | undefined; baseUrl: string | undefined }
  | { provider: 'openai'; model: string; apiKey: string | undefined; baseUrl: string | undefined };

/** Where code runs (SANDBOX, DOCKER_HOST, KILN_SANDBOX_IMAGE) and each run's limits. */
export interface SandboxConfig {
  mode: 'auto' | 'bubblewrap' | 'docker' | 'off';
  dockerHost: string | undefined;
  image: string;
  defaultTimeoutMs: number;
  maxTimeoutMs: number;
  memoryBytes: number;
  processes: number;
  /** Per stream. */
  outputBytes: number;
  /** Runs of one user executing at once; the rest wait their turn. */
  runsPerUser: number;
  /** Runs one worker process executes at once. */
  concurrency: number;
}

export interface Config {
  port: number;
  host: string;
  /** Absolute path; holds the embedded Postgres and Chroma data, logs and run files. */
  dataDir: string;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  workers: 'in-process' | 'off';
  /**
   * Several servers share this database: Socket.IO rooms span them (the Postgres adapter), and a turn can be
   * watched, resumed and stopped from any of them. Every server of the group must have it on.
   */
  cluster: boolean;
  /** `npm run worker` answers GET /health on this port when set (for container healthchecks). */
  workerHealthPort: number | undefined;
  shutdownTimeoutMs: number;
  /** Unset: embedded Postgres under `dataDir`. */
  databaseUrl: string | undefined;
  /** Unset: the Chroma server shipped in the `chromadb` package, under `dataDir`. */
  chromaUrl: string | undefined;
  /** Unset: the graph lives in Postgres tables. */
  neo4j: { uri: string; user: string; password: string | undefined } | undefined;
  llm: LlmSettings;
  /** Unset: Kiln's local embedder. Set: an OpenAI-compatible /embeddings endpoint. */
  embeddings: { baseUrl: string; model: string; apiKey: string | undefined } | undefined;
  sandbox: SandboxConfig;
  mcp: McpSettings;
  projects: ProjectSettings;
  /** Conversation imports (KILN_IMPORT_MAX_MB). */
  imports: ImportSettings;
  /** Unset: the Slack adapter is off. */
  slack: SlackSettings | undefined;
  security: SecurityConfig;
}

/** Conversation imports: the largest upload, and where uploads wait while they are read. */
export interface ImportSettings {
  maxBytes: number;
  /** `<data dir>/imports`. */
  directory: string;
}

/**
 * The Slack app (SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET for the Events API, or with SLACK_APP_TOKEN for Socket
 * Mode; SLACK_API_URL for a proxy or a test double of the Web API).
 */
export interface SlackSettings {
  botToken: string;
  /** `socket`: Kiln dials Slack (SLACK_APP_TOKEN); `events`: Slack posts to `/slack/events`. */
  mode: 'events' | 'socket';
  signingSecret: string | undefined;
  appToken: string | undefined;
  /** The Web API base, ending in `/` (default `https://slack.com/api/`). */
  apiUrl: string;
}

/** Where projects' sources may come from (KILN_PROJECT_ROOTS, KILN_PROJECT_UPLOAD_MB). */
export interface ProjectSettings {
  /** Server folders (absolute) a folder or local git source may read; empty: folder sources are off. */
  roots: string[];
  /** The largest archive upload, in bytes. */
  uploadBytes: number;
  /** Where uploaded archives and clones are kept: `<data dir>/projects`. */
  directory: string;
}

/** Who may reach Kiln and how much each user may ask of it. */
export interface SecurityConfig {
  /**
   * KILN_PUBLIC_URL: the origins Kiln is served at (`https://kiln.example.com`), comma-separated. Requests whose
   * Host, and browser requests whose Origin, is none of these are refused; loopback and IP-literal hosts are
   * always allowed (DNS rebinding needs a name). Empty: only those.
   */
  publicOrigins: string[];
  /** KILN_TRUST_PROXY=on: the client address and scheme come from X-Forwarded-For / X-Forwarded-Proto. */
  trustProxy: boolean;
  /** KILN_METRICS_TOKEN: `/metrics` wants `Authorization: Bearer <it>`; unset: only loopback clients may scrape. */
  metricsToken: string | undefined;
  /** KILN_SIGNUP: open (anyone), invite (an admin's invite link), off (nobody; the first account always may). */
  signup: 'open' | 'invite' | 'off';
  /** Per-user quotas; 0 turns one off. Each is a 429 with Retry-After. */
  quotas: {
    requestsPerMinute: number;
    concurrentTurns: number;
    runsPerHour: number;
    /** Model tokens (input + output) per UTC day; counted only with a model (the offline engine costs none). */
    tokensPerDay: number;
  };
}

/** The MCP servers Kiln's tool agent may use. */
export interface McpSettings {
  /** A server list in Claude Desktop's format; `required` when MCP_CONFIG named it, so a missing file is an error. */
  configFile: { path: string; required: boolean };
  /** The built-in filesystem server's readable directories (absolute); undefined when turned off. */
  filesystem: { roots: string[]; isDefault: boolean } | undefined;
  /** How long one tool call may take. */
  toolTimeoutMs: number;
  /** How long a server may take to start and answer `initialize`. */
  startTimeoutMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const defaultModels = { anthropic: 'claude-sonnet-4-5', openai: 'gpt-4o-mini' } as const;

/** Parses the environment (passed in, never read globally) into a `Config`, or throws `ConfigError` naming every bad variable. */
export function loadConfig(environment: Record<string, string | undefined>, workingDirectory = process.cwd()): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const env = parsed.data;
  if (env.NEO4J_URI && !env.NEO4J_PASSWORD) {
    throw new ConfigError(['NEO4J_PASSWORD: required when NEO4J_URI is set']);
  }
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: path.resolve(workingDirectory, env.KILN_DATA_DIR),
    logLevel: env.LOG_LEVEL,
    workers: env.KILN_WORKERS,
    cluster: env.KILN_CLUSTER === 'on',
    workerHealthPort: env.KILN_WORKER_HEALTH_PORT,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    databaseUrl: env.DATABASE_URL,
    chromaUrl: env.CHROMA_URL?.replace(/\/+$/, ''),
    neo4j: env.NEO4J_URI ? { uri: env.NEO4J_URI, user: env.NEO4J_USER, password: env.NEO4J_PASSWORD } : undefined,
    llm: selectLlm(env),
    embeddings: env.EMBEDDINGS_BASE_URL
      ? {
          baseUrl: env.EMBEDDINGS_BASE_URL,
          model: env.EMBEDDINGS_MODEL ?? 'text-embedding-3-small',
          apiKey: env.EMBEDDINGS_API_KEY,
        }
      : undefined,
    sandbox: {
      mode: env.SANDBOX,
      dockerHost: env.DOCKER_HOST,
      image: env.KILN_SANDBOX_IMAGE,
      defaultTimeoutMs: Math.min(env.KILN_RUN_TIMEOUT_MS, env.KILN_RUN_MAX_TIMEOUT_MS),
      maxTimeoutMs: env.KILN_RUN_MAX_TIMEOUT_MS,
      memoryBytes: env.KILN_RUN_MEMORY_MB * 1024 * 1024,
      processes: env.KILN_RUN_PROCESSES,
      outputBytes: env.KILN_RUN_OUTPUT_BYTES,
      runsPerUser: env.KILN_RUNS_PER_USER,
      // A run is mostly one busy process: one per core keeps the server and Postgres responsive.
      concurrency: env.KILN_RUN_CONCURRENCY ?? Math.max(1, os.availableParallelism()),
    },
    mcp: selectMcp(env, path.resolve(workingDirectory, env.KILN_DATA_DIR), workingDirectory),
    projects: {
      roots: (env.KILN_PROJECT_ROOTS?.split(path.delimiter) ?? [])
        .map((root) => root.trim())
        .filter(Boolean)
        .map((root) => resolveHome(workingDirectory, root)),
      uploadBytes: env.KILN_PROJECT_UPLOAD_MB * 1024 * 1024,
      directory: path.join(path.resolve(workingDirectory, env.KILN_DATA_DIR), 'projects'),
    },
    imports: {
      maxBytes: env.KILN_IMPORT_MAX_MB * 1024 * 1024,
      directory: path.join(path.resolve(workingDirectory, env.KILN_DATA_DIR), 'imports'),
    },
    slack: selectSlack(env),
    security: {
      publicOrigins: (env.KILN_PUBLIC_URL ?? []).map((value) => new URL(value).origin),
      trustProxy: env.KILN_TRUST_PROXY === 'on',
      metricsToken: env.KILN_METRICS_TOKEN,
      signup: env.KILN_SIGNUP,
      quotas: {
        requestsPerMinute: env.KILN_QUOTA_REQUESTS_PER_MINUTE,
        concurrentTurns: env.KILN_QUOTA_CONCURRENT_TURNS,
        runsPerHour: env.KILN_QUOTA_RUNS_PER_HOUR,
        tokensPerDay: env.KILN_QUOTA_TOKENS_PER_DAY,
      },
    },
  };
}

type Environment = z.infer<typeof environmentSchema>;

/** Off without any SLACK_ setting; a half configuration is an error naming what is missing. */
function selectSlack(env: Environment): SlackSettings | undefined {
  const { SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_APP_TOKEN: appToken } = env;
  if (!botToken && !signingSecret && !appToken && !env.SLACK_API_URL) return undefined;
  const problems: string[] = [];
  if (!botToken) problems.push('SLACK_BOT_TOKEN: required for the Slack adapter (the xoxb- token of the app)');
  else if (!botToken.startsWith('xoxb-')) problems.push('SLACK_BOT_TOKEN: must be a bot token (xoxb-…)');
  if (appToken && !appToken.startsWith('xapp-')) {
    problems.push('SLACK_APP_TOKEN: must be an app-level token (xapp-…) with the connections:write scope');
  }
  if (!signingSecret && !appToken) {
    problems.push(
      'SLACK_SIGNING_SECRET or SLACK_APP_TOKEN: one is required (the signing secret for the Events API at /slack/events, the app token for Socket Mode)',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const apiUrl = env.SLACK_API_URL ? env.SLACK_API_URL.replace(/\/*$/, '/') : 'https://slack.com/api/';
  return { botToken: botToken!, mode: appToken ? 'socket' : 'events', signingSecret, appToken, apiUrl };
}

/** An explicit LLM_PROVIDER wins; otherwise the first configured key or base URL picks the provider; otherwise the offline engine. */
function selectLlm(env: Environment): LlmSettings {
  const provider =
    env.LLM_PROVIDER ??
    (env.ANTHROPIC_API_KEY ? 'anthropic' : env.OPENAI_API_KEY || env.OPENAI_BASE_URL ? 'openai' : 'offline');
  switch (provider) {
    case 'offline':
      return { provider };
    case 'anthropic':
      if (!env.ANTHROPIC_API_KEY) throw new ConfigError(['ANTHROPIC_API_KEY: required when LLM_PROVIDER=anthropic']);
      return {
        provider,
        model: env.LLM_MODEL ?? defaultModels.anthropic,
        apiKey: env.ANTHROPIC_API_KEY,
        baseUrl: env.ANTHROPIC_BASE_URL,
      };
    case 'openai':
      if (!env.OPENAI_API_KEY && !env.OPENAI_BASE_URL) {
        throw new ConfigError(['OPENAI_API_KEY or OPENAI_BASE_URL: one is required when LLM_PROVIDER=openai']);
      }
      return {
        provider,
        model: env.LLM_MODEL ?? defaultModels.openai,
        apiKey: env.OPENAI_API_KEY,
        baseUrl: env.OPENAI_BASE_URL,
      };
  }
}

/**
 * MCP_CONFIG defaults to `<data dir>/mcp.json` (used when present). The built-in filesystem server reads only
 * `<data dir>/workspace` unless MCP_FILESYSTEM_ROOTS names other directories (`off`: no built-in server):
 * every signed-in user can read what it reaches, so the default exposes nothing that was there before.
 */
function selectMcp(env: Environment, dataDir: string, workingDirectory: string): McpSettings {
  const resolve = (directory: string) => resolveHome(workingDirectory, directory);
  const roots = env.MCP_FILESYSTEM_ROOTS?.split(path.delimiter)
    .map((root) => root.trim())
    .filter(Boolean);
  return {
    configFile: env.MCP_CONFIG
      ? { path: resolve(env.MCP_CONFIG), required: true }
      : { path: path.join(dataDir, 'mcp.json'), required: false },
    filesystem:
      env.MCP_FILESYSTEM_ROOTS === 'off'
        ? undefined
        : roots?.length
          ? { roots: roots.map(resolve), isDefault: false }
          : { roots: [path.join(dataDir, 'workspace')], isDefault: true },
    toolTimeoutMs: env.MCP_TOOL_TIMEOUT_MS,
    startTimeoutMs: env.MCP_START_TIMEOUT_MS,
  };
}

/** A directory from the environment, absolute: `~` is the home directory, relative paths the working directory's. */
function resolveHome(workingDirectory: string, directory: string): string {
  return path.resolve(
    workingDirectory,
    directory === '~' || directory.startsWith('~/') ? path.join(os.homedir(), directory.slice(1)) : directory,
  );
}
