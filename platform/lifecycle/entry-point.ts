import type { Logger } from 'pino';
import { ConfigError, loadConfig, type Config } from '../config/config.ts';

/** For entry points: the parsed config, or exit code 2 with every bad variable named on stderr. */
export function loadConfigOrExit(environment: Record<string, string | undefined>): Config {
  try {
    return loadConfig(environment);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}

/**
 * Runs `stop` on the first SIGINT or SIGTERM, then exits 0 (1 if stopping failed).
 * A second signal exits at once, for the impatient Ctrl-C.
 */
export function stopOnSignal(log: Logger, stop: () => Promise<void>) {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting at once');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'signal received');
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return { isStopping: () => stopping };
}
