import pino, { type Logger } from 'pino';

/** Structured JSON logs on stdout, one line per event; `process` names which Kiln process wrote them. */
export function createLogger(level: string, processName: string): Logger {
  return pino({
    level,
    base: { process: processName, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: pino.stdSerializers.err },
  });
}
