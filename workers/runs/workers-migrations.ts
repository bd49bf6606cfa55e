import { Runs1795300000007 } from './1795300000007-runs.ts';

/** The workers' tables (runs and their events); run in Kiln's one ordered list (server/persistence/kiln-schema.ts). */
export const workersMigrations = [Runs1795300000007];
