import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { describe, expect, it } from 'vitest';
import { allCypherStatements } from './neo4j-graph-store.ts';

// No Neo4j server runs here, so every statement the Neo4j adapter can send is checked with Neo4j's own
// Cypher parser (the one behind its editors), with the parameters the adapter passes declared.
const parameters = { nodes: [], ids: [], edges: [], limit: 1 };
const errorsOf = (statement: string) =>
  lintCypherQuery(statement, { parameters }).diagnostics.filter((diagnostic) => diagnostic.severity === 1);

describe("the Neo4j adapter's Cypher", () => {
  it.each(allCypherStatements().map((statement) => [statement.split('\n')[0]!, statement]))(
    'parses: %s',
    (_label, statement) => {
      expect(errorsOf(statement)).toEqual([]);
    },
  );

  it('would catch a broken statement', () => {
    expect(errorsOf('UNWIND $ids AS id MATCH (n {id: id)-[r]->() DELET r').length).toBeGreaterThan(0);
  });
});
