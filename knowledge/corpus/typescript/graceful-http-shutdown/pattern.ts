import type { Server } from 'node:http';

/**
 * Stops accepting connections and resolves once every in-flight request has finished, or after
 * `timeoutMs`, when remaining connections are destroyed. Resolves `true` if it drained cleanly.
 */
export function closeGracefully(server: Server, timeoutMs = 10_000): Promise<boolean> {
  return new Promise((resolve, reject) => {
    let forced = false;
    const deadline = setTimeout(() => {
      forced = true;
      server.closeAllConnections();
    }, timeoutMs);
    // A keep-alive socket is not closed when its last response ends; it just goes idle and would hold
    // close() open until the client's own timeout. So keep sweeping idle sockets while draining.
    const sweeper = setInterval(() => server.closeIdleConnections(), 50);
    deadline.unref(); // timers alone must not keep the process alive
    sweeper.unref();
    server.close((error) => {
      clearTimeout(deadline);
      clearInterval(sweeper);
      // ERR_SERVER_NOT_RUNNING: already closed, which is what we wanted.
      if (error && (error as NodeJS.ErrnoException).code !== 'ERR_SERVER_NOT_RUNNING') reject(error);
      else resolve(!forced);
    });
    server.closeIdleConnections();
  });
}

export interface ShutdownOptions {
  signals?: NodeJS.Signals[];
  timeoutMs?: number;
  /** Runs after the server has closed: close database pools, flush logs, etc. */
  cleanup?: () => Promise<void> | void;
  exit?: (code: number) => void;
}

/** Wires SIGTERM/SIGINT to a graceful shutdown. Returns a function that removes the handlers. */
export function shutdownOnSignals(server: Server, options: ShutdownOptions = {}): () => void {
  const { signals = ['SIGTERM', 'SIGINT'], timeoutMs = 10_000, cleanup, exit = (code) => process.exit(code) } = options;
  let shuttingDown = false;
  const handler = async () => {
    if (shuttingDown) return; // a second Ctrl-C should not start a second shutdown
    shuttingDown = true;
    try {
      const clean = await closeGracefully(server, timeoutMs);
      await cleanup?.();
      exit(clean ? 0 : 1);
    } catch {
      exit(1);
    }
  };
  for (const signal of signals) process.on(signal, handler);
  return () => {
    for (const signal of signals) process.off(signal, handler);
  };
}
