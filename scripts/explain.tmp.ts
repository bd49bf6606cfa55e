import pino from 'pino';
import { startInfrastructure } from '../server/infrastructure/infrastructure.ts';
const infrastructure = await startInfrastructure({ dataDir: '/tmp/kiln-prof', databaseUrl: undefined, chromaUrl: undefined, neo4j: undefined }, pino({ level: 'warn' }));
try {
  const ds = infrastructure.dataSource;
  const sql = process.argv[2]!;
  const params = JSON.parse(process.argv[3] ?? '[]');
  for (let i = 0; i < 3; i++) {
    const rows = await ds.query('EXPLAIN (ANALYZE, BUFFERS) ' + sql, params);
    if (i === 2) console.log(rows.map((r: any) => r['QUERY PLAN']).join('\n'));
  }
  console.log((await ds.query(`select pg_size_pretty(pg_total_relation_size('pattern_terms')) a, (select count(*) from pattern_terms) n, pg_size_pretty(pg_total_relation_size('patterns')) p`)));
} finally { await infrastructure.stop(); }
