import neo4j from 'neo4j-driver';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../knowledge/graph/graph-store.ts';
import { InMemoryGraphStore } from '../../knowledge/graph/in-memory-graph-store.ts';
import { Neo4jGraphStore } from '../../knowledge/graph/neo4j-graph-store.ts';
import { PostgresGraphStore } from '../../knowledge/graph/postgres-graph-store.ts';
import { startKilnInfrastructure, type KilnInfrastructure } from '../../server/kiln-infrastructure.ts';
import { sqlHandle } from '../../platform/database/sql-handle.ts';
import { temporaryDirectory } from '../support/temporary-directory.ts';

// One contract, every adapter that can run here: the in-memory twin and Postgres tables always; Neo4j when NEO4J_URI points at one
// (with NEO4J_USER / NEO4J_PASSWORD). Node ids are unique per run, so a shared Neo4j is not disturbed.
const neo4jUri = process.env.NEO4J_URI;
const run = Date.now().toString(36);
const id = (name: string) => `${name}-${run}`;

let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
let infrastructure: KilnInfrastructure;
const memory = new InMemoryGraphStore();
const stores: Record<string, () => GraphStore> = {
  memory: () => memory,
  postgres: () => new PostgresGraphStore(sqlHandle(infrastructure.dataSource)),
};
const driver = neo4jUri
  ? neo4j.driver(neo4jUri, neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''))
  : undefined;
if (driver) stores.neo4j = () => new Neo4jGraphStore(driver);

beforeAll(async () => {
  dataDir = await temporaryDirectory('kiln-graph');
  infrastructure = await startKilnInfrastructure(
    { dataDir: dataDir.path, databaseUrl: undefined, chromaUrl: undefined, neo4j: undefined },
    pino({ level: 'silent' }),
  );
});
afterAll(async () => {
  await driver?.close();
  await infrastructure?.stop();
  await dataDir?.remove();
});

describe.each(Object.keys(stores))('GraphStore contract: %s', (name) => {
  const store = () => stores[name]!();
  const debounce = id('pattern:debounce');
  const throttle = id('pattern:throttle');
  const node = id('library:node');
  const timing = id('concept:timing');

  it('writes nodes and edges and finds neighbours in both directions', async () => {
    await store().write({
      nodes: [
        { id: debounce, kind: 'Pattern', properties: { title: 'Debounce', language: 'typescript' } },
        { id: throttle, kind: 'Pattern', properties: { title: 'Throttle', language: 'typescript' } },
        { id: node, kind: 'Library', properties: { name: 'node' } },
        { id: timing, kind: 'Concept', properties: { name: 'timing' } },
      ],
      edges: [
        { from: debounce, kind: 'USES', to: node },
        { from: debounce, kind: 'RELATED_TO', to: timing },
        { from: throttle, kind: 'RELATED_TO', to: debounce },
      ],
      replaceEdgesOf: [debounce, throttle],
    });
    const around = await store().neighbours([debounce]);
    const seen = around.map((neighbour) => `${neighbour.direction} ${neighbour.edge} ${neighbour.node.id}`).sort();
    expect(seen).toEqual([`in RELATED_TO ${throttle}`, `out RELATED_TO ${timing}`, `out USES ${node}`].sort());
    expect(around.find((neighbour) => neighbour.node.id === throttle)?.node).toEqual({
      id: throttle,
      kind: 'Pattern',
      properties: { title: 'Throttle', language: 'typescript' },
    });
    const usesOnly = await store().neighbours([debounce], { edges: ['USES'] });
    expect(usesOnly.map((neighbour) => neighbour.node.id)).toEqual([node]);
  });

  it("replaces a node's outgoing edges, and a bare node never erases stored properties", async () => {
    await store().write({
      nodes: [{ id: throttle, kind: 'Pattern', properties: {} }],
      edges: [{ from: debounce, kind: 'USES', to: node }],
      replaceEdgesOf: [debounce],
    });
    const around = await store().neighbours([debounce]);
    expect(around.map((neighbour) => `${neighbour.direction} ${neighbour.edge} ${neighbour.node.id}`).sort()).toEqual(
      [`in RELATED_TO ${throttle}`, `out USES ${node}`].sort(),
    );
    expect(around.find((neighbour) => neighbour.node.id === throttle)?.node.properties).toEqual({
      title: 'Throttle',
      language: 'typescript',
    });
  });

  it('removes nodes with their edges', async () => {
    await store().remove([throttle]);
    expect((await store().neighbours([debounce])).map((neighbour) => neighbour.node.id)).toEqual([node]);
    await store().remove([debounce, node, timing]);
    expect(await store().neighbours([debounce])).toEqual([]);
  });
});
