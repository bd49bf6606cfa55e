import pino from 'pino';
import { startInfrastructure } from '../server/infrastructure/infrastructure.ts';
const infrastructure = await startInfrastructure({ dataDir: '/tmp/kiln-prof', databaseUrl: undefined, chromaUrl: undefined, neo4j: undefined }, pino({ level: 'warn' }));
try { for (const s of process.argv.slice(2)) console.log(await infrastructure.dataSource.query(s)); } finally { await infrastructure.stop(); }
