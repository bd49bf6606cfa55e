import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { environmentVariables, loadConfig } from '../platform/config/config.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string | number>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  ports?: string[];
}

/** Compose's own interpolation, enough for `${NAME:-default}` and `$$`: variables unset, so defaults apply. */
function interpolate(value: string) {
  return value.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1').replace(/\$\$/g, '$');
}

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml'), { merge: true }) as {
    services: Record<string, ComposeService>;
    volumes: Record<string, unknown>;
  };
  const { services } = compose;

  it('has exactly the six services, each with a healthcheck', () => {
    expect(Object.keys(services).sort()).toEqual(['app', 'chroma', 'neo4j', 'postgres', 'proxy', 'worker']);
    for (const [name, service] of Object.entries(services)) {
      expect(service.healthcheck?.test.length, `${name} healthcheck`).toBeGreaterThan(1);
      expect(service.image ?? service.build, `${name} image`).toBeTruthy();
    }
  });

  it('wires the app and the worker to the three services, in a configuration Kiln accepts', () => {
    for (const name of ['app', 'worker'] as const) {
      const environment = Object.fromEntries(
        Object.entries(services[name]!.environment!).map(([key, value]) => [key, interpolate(String(value))]),
      );
      for (const key of Object.keys(environment)) expect(environmentVariables, `${name}: ${key}`).toContain(key);
      const config = loadConfig(environment, '/app');
      expect(new URL(config.databaseUrl!).host).toBe('postgres:5432');
      expect(new URL(config.chromaUrl!).host).toBe('chroma:8000');
      expect(new URL(config.neo4j!.uri).host).toBe('neo4j:7687');
      for (const dependency of ['postgres', 'chroma', 'neo4j']) {
        expect(services[name]!.depends_on?.[dependency]?.condition, `${name} → ${dependency}`).toBe('service_healthy');
      }
    }
    // Scalable: the app containers join through Postgres, publish no port of their own, and leave jobs to workers.
    expect(services.app!.environment).toMatchObject({
      HOST: '0.0.0.0',
      PORT: 3000,
      KILN_WORKERS: 'off',
      KILN_CLUSTER: 'on',
      KILN_TRUST_PROXY: 'on',
    });
    expect(services.app!.ports).toBeUndefined();
    expect(services.worker!.command).toEqual(['npm', 'run', 'worker']);
    expect(services.worker!.depends_on?.app?.condition).toBe('service_healthy');
    expect(services.worker!.healthcheck!.test.join(' ')).toContain(
      `:${services.worker!.environment!.KILN_WORKER_HEALTH_PORT}/health`,
    );
    expect(services.app!.healthcheck!.test.join(' ')).toContain('/ready');
  });

  it('puts a proxy with sticky sessions in front of every app container, on the published port', () => {
    expect(services.proxy!.ports).toEqual(['${KILN_PORT:-3000}:3000']);
    expect(services.proxy!.depends_on?.app?.condition).toBe('service_healthy');
    const [source, target] = services.proxy!.volumes![0]!.split(':');
    expect(target).toBe('/usr/local/etc/haproxy/haproxy.cfg');
    const proxyConfig = read(source!);
    // Every app container (Docker's DNS), the server's readiness as the check, a cookie that keeps a browser on one.
    expect(proxyConfig).toMatch(/^\s*server-template app \d+ app:3000 check resolvers docker/m);
    expect(proxyConfig).toMatch(/^\s*option httpchk GET \/ready$/m);
    expect(proxyConfig).toMatch(/^\s*cookie KILN_INSTANCE insert .*dynamic$/m);
    expect(proxyConfig).toMatch(/^\s*bind :3000$/m);
    expect(services.proxy!.healthcheck!.test.join(' ')).toContain(proxyConfig.match(/monitor-uri (\S+)/)![1]);
  });

  it('gives Postgres and Neo4j the same passwords the app uses', () => {
    const appEnvironment = services.app!.environment!;
    const databaseUrl = new URL(interpolate(String(appEnvironment.DATABASE_URL)));
    expect(interpolate(String(services.postgres!.environment!.POSTGRES_PASSWORD))).toBe(databaseUrl.password);
    expect(services.postgres!.environment!.POSTGRES_USER).toBe(databaseUrl.username);
    expect(services.postgres!.environment!.POSTGRES_DB).toBe(databaseUrl.pathname.slice(1));
    expect(interpolate(String(services.neo4j!.environment!.NEO4J_AUTH))).toBe(
      `${appEnvironment.NEO4J_USER}/${interpolate(String(appEnvironment.NEO4J_PASSWORD))}`,
    );
  });

  it('keeps every stateful service on a declared named volume', () => {
    const mounts: Record<string, string> = {
      postgres: '/var/lib/postgresql/data',
      chroma: '/data',
      neo4j: '/data',
      app: '/var/lib/kiln',
    };
    for (const [name, target] of Object.entries(mounts)) {
      const volume = services[name]!.volumes!.find((mount) => mount.endsWith(`:${target}`));
      expect(volume, `${name} volume`).toBeDefined();
      expect(Object.keys(compose.volumes)).toContain(volume!.split(':')[0]);
    }
  });
});

describe('README.md and .env.example', () => {
  it('document every environment variable Kiln reads', () => {
    const readme = read('README.md');
    const example = read('.env.example');
    for (const variable of environmentVariables) {
      expect(readme, `README row for ${variable}`).toMatch(new RegExp(`^\\| \`${variable}\` \\|`, 'm'));
      expect(example, `.env.example line for ${variable}`).toMatch(new RegExp(`^${variable}=`, 'm'));
    }
  });

  it('give the two quick-start commands', () => {
    const readme = read('README.md');
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
    expect(readme).toContain('http://localhost:3000');
  });

  it('ship an .env.example that Kiln accepts as it is', () => {
    const entries = read('.env.example')
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => line.split('=') as [string, string]);
    expect(() => loadConfig(Object.fromEntries(entries))).not.toThrow();
  });
});

describe('slack/manifest.yml', () => {
  const manifest = parse(read('slack/manifest.yml')) as {
    features: { slash_commands: { command: string; url: string }[] };
    oauth_config: { scopes: { bot: string[] } };
    settings: {
      event_subscriptions: { request_url: string; bot_events: string[] };
      interactivity: { is_enabled: boolean; request_url: string };
    };
  };

  it('sends events, the /kiln command and button clicks to /slack/events', () => {
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((command) => command.url),
    ];
    for (const url of urls) expect(new URL(url).pathname).toBe('/slack/events');
    expect(manifest.features.slash_commands.map((command) => command.command)).toEqual(['/kiln']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('subscribes to the events Kiln answers, with the scopes they and its replies need', () => {
    const events = manifest.settings.event_subscriptions.bot_events;
    expect(events).toEqual(expect.arrayContaining(['app_mention', 'message.im', 'message.channels']));
    const scopes = manifest.oauth_config.scopes.bot;
    expect(scopes).toEqual(
      expect.arrayContaining(['app_mentions:read', 'im:history', 'channels:history', 'chat:write', 'commands']),
    );
    // Each message.* event needs its history scope.
    const history = { channels: 'channels:history', groups: 'groups:history', im: 'im:history', mpim: 'mpim:history' };
    for (const event of events.filter((name) => name.startsWith('message.'))) {
      expect(scopes).toContain(history[event.slice('message.'.length) as keyof typeof history]);
    }
  });
});
