import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { connectGraph } from './graph-connection.ts';

describe('connectGraph', () => {
  it('uses Postgres tables when no Neo4j is configured, and reports missing tables', async () => {
    const present = connectGraph(undefined, async () => [{ present: true }]);
    expect(present.kind).toBe('postgres');
    expect(await present.status()).toEqual({ ok: true, detail: 'graph in Postgres tables' });
    const missing = connectGraph(undefined, async () => [{ present: false }]);
    expect((await missing.status()).ok).toBe(false);
    const broken = connectGraph(undefined, async () => {
      throw new Error('connection terminated');
    });
    expect(await broken.status()).toEqual({
      ok: false,
      detail: 'graph tables in Postgres unreachable: connection terminated',
    });
  });

  it('uses Neo4j when NEO4J_URI is set, and reports an unreachable server with its address', async () => {
    // A port that was free a moment ago: nothing answers Bolt there.
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));

    const graph = connectGraph({ uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: 'secret' }, async () => []);
    try {
      expect(graph.kind).toBe('neo4j');
      const status = await graph.status();
      expect(status.ok).toBe(false);
      expect(status.detail).toContain(`Neo4j at bolt://127.0.0.1:${port} does not answer`);
    } finally {
      await graph.close();
    }
  });
});
