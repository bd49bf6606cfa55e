import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('runs on embedded defaults when nothing is set', () => {
    const config = loadConfig({}, '/srv/kiln');
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: path.resolve('/srv/kiln', '.kiln'),
      workers: 'in-process',
      databaseUrl: undefined,
      chromaUrl: undefined,
      neo4j: undefined,
      llm: { provider: 'offline' },
      sandbox: expect.objectContaining({
        mode: 'auto',
        dockerHost: undefined,
        image: 'kiln-sandbox:local',
        defaultTimeoutMs: 10_000,
        maxTimeoutMs: 60_000,
        memoryBytes: 256 * 1024 * 1024,
        processes: 64,
        outputBytes: 1024 * 1024,
        runsPerUser: 2,
      }),
    });
  });

  it('takes the run limits from the environment and refuses impossible ones', () => {
    const config = loadConfig({ KILN_RUN_TIMEOUT_MS: '5000', KILN_RUN_MEMORY_MB: '512', KILN_RUN_CONCURRENCY: '3' });
    expect(config.sandbox).toMatchObject({ defaultTimeoutMs: 5000, memoryBytes: 512 * 1024 * 1024, concurrency: 3 });
    expect(() => loadConfig({ KILN_RUN_TIMEOUT_MS: '10' })).toThrow(/KILN_RUN_TIMEOUT_MS/);
    expect(() => loadConfig({ KILN_RUNS_PER_USER: '0' })).toThrow(/KILN_RUNS_PER_USER/);
  });

  it('turns Slack on by its settings, choosing the mode, and names what a half configuration lacks', () => {
    expect(loadConfig({}).slack).toBeUndefined();
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slack).toEqual({
      botToken: 'xoxb-1',
      mode: 'events',
      signingSecret: 's',
      appToken: undefined,
      apiUrl: 'https://slack.com/api/',
    });
    expect(
      loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_API_URL: 'http://127.0.0.1:9/api' })
        .slack,
    ).toMatchObject({ mode: 'socket', appToken: 'xapp-1', apiUrl: 'http://127.0.0.1:9/api/' });
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET or SLACK_APP_TOKEN/);
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: 's' })).toThrow(/SLACK_BOT_TOKEN: required/);
    expect(() => loadConfig({ SLACK_APP_TOKEN: 'xapp-1' })).toThrow(/SLACK_BOT_TOKEN: required/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxp-user', SLACK_SIGNING_SECRET: 's' })).toThrow(/xoxb-/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' })).toThrow(/xapp-/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: ' ' }).slack).not.toThrow();
  });

  it('treats blank values as unset, as in a copied .env.example', () => {
    const config = loadConfig({ PORT: '', DATABASE_URL: '  ', CHROMA_URL: '', LLM_PROVIDER: '' });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.llm.provider).toBe('offline');
  });

  it('switches each dependency to an external service by its variable', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://kiln:secret@db:5432/kiln',
      CHROMA_URL: 'http://chroma:8000/',
      NEO4J_URI: 'bolt://neo4j:7687',
      NEO4J_PASSWORD: 'pw',
    });
    expect(config.databaseUrl).toBe('postgres://kiln:secret@db:5432/kiln');
    expect(config.chromaUrl).toBe('http://chroma:8000');
    expect(config.neo4j).toEqual({ uri: 'bolt://neo4j:7687', user: 'neo4j', password: 'pw' });
  });

  it('names every bad variable in one error', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/^PORT:/m);
      expect(problems).toMatch(/^DATABASE_URL: must be a URL starting with postgres:\/\/ or postgresql:\/\//m);
      expect(problems).toMatch(/^LOG_LEVEL:/m);
    }
  });

  it('requires a password for Neo4j', () => {
    expect(() => loadConfig({ NEO4J_URI: 'neo4j://graph:7687' })).toThrow(/NEO4J_PASSWORD/);
  });

  it('picks the LLM provider from the keys present, and an explicit LLM_PROVIDER wins', () => {
    expect(loadConfig({ ANTHROPIC_API_KEY: 'a' }).llm).toMatchObject({ provider: 'anthropic', apiKey: 'a' });
    expect(loadConfig({ OPENAI_BASE_URL: 'http://localhost:11434/v1', LLM_MODEL: 'llama3.2' }).llm).toEqual({
      provider: 'openai',
      model: 'llama3.2',
      apiKey: undefined,
      baseUrl: 'http://localhost:11434/v1',
    });
    expect(loadConfig({ ANTHROPIC_API_KEY: 'a', LLM_PROVIDER: 'offline' }).llm).toEqual({ provider: 'offline' });
    expect(() => loadConfig({ LLM_PROVIDER: 'anthropic' })).toThrow(/ANTHROPIC_API_KEY/);
  });

  it('keeps the built-in filesystem server to a workspace under the data dir unless roots are named', () => {
    expect(loadConfig({}, '/srv/kiln').mcp).toEqual({
      configFile: { path: '/srv/kiln/.kiln/mcp.json', required: false },
      filesystem: { roots: ['/srv/kiln/.kiln/workspace'], isDefault: true },
      toolTimeoutMs: 30_000,
      startTimeoutMs: 30_000,
    });
    const named = loadConfig(
      {
        MCP_CONFIG: 'config/mcp.json',
        MCP_FILESYSTEM_ROOTS: `projects${path.delimiter}/data/shared`,
        MCP_TOOL_TIMEOUT_MS: '5000',
      },
      '/srv/kiln',
    );
    expect(named.mcp).toMatchObject({
      configFile: { path: '/srv/kiln/config/mcp.json', required: true },
      filesystem: { roots: ['/srv/kiln/projects', '/data/shared'], isDefault: false },
      toolTimeoutMs: 5000,
    });
    expect(loadConfig({ MCP_FILESYSTEM_ROOTS: 'off' }).mcp.filesystem).toBeUndefined();
    expect(() => loadConfig({ MCP_TOOL_TIMEOUT_MS: 'soon' })).toThrow(/MCP_TOOL_TIMEOUT_MS/);
  });
});
