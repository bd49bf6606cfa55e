import { loadConfigOrExit, stopOnSignal } from '../platform/lifecycle/entry-point.ts';
import { createLogger } from '../platform/logging/create-logger.ts';
import { startServer } from './start-server.ts';

// `npm start`. The entry point is the only place the server reads process.env.
const config = loadConfigOrExit(process.env);
const log = createLogger(config.logLevel, 'server');
try {
  const server = await startServer(config, log);
  stopOnSignal(log, () => server.stop());
} catch (error) {
  log.fatal({ err: error }, `Kiln could not start: ${(error as Error).message}`);
  process.exit(1);
}
