export const levels = { debug: 10, info: 20, warn: 30, error: 40 } as const;
export type Level = keyof typeof levels;
export type Fields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
  /** A logger that adds `bindings` to every line (e.g. { requestId }). */
  child(bindings: Fields): Logger;
}

export interface LoggerOptions {
  level?: Level;
  /** Where lines go; anything with write(string), e.g. process.stdout or a file stream. */
  destination?: { write(line: string): unknown };
  bindings?: Fields;
  now?: () => Date;
}

/** Makes values JSON-safe: Errors keep name/message/stack (and cause), BigInts become strings, cycles (and repeated references) become "[Circular]". */
function serializer() {
  const seen = new WeakSet<object>();
  return (_key: string, value: unknown): unknown => {
    if (typeof value === 'bigint') return value.toString();
    if (value instanceof Error) {
      // Error properties are non-enumerable, so JSON.stringify(error) would print {}.
      return { ...value, name: value.name, message: value.message, stack: value.stack, ...(value.cause === undefined ? {} : { cause: value.cause }) };
    }
    if (typeof value === 'object' && value !== null) {
      if (seen.has(value)) return '[Circular]';
      seen.add(value);
    }
    return value;
  };
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const { level = 'info', destination = process.stdout, bindings = {}, now = () => new Date() } = options;
  const threshold = levels[level];
  const log = (lineLevel: Level, msg: string, fields?: Fields) => {
    if (levels[lineLevel] < threshold) return;
    // Fixed keys last, so fields cannot overwrite them.
    const entry = { ...bindings, ...fields, time: now().toISOString(), level: lineLevel, msg };
    destination.write(`${JSON.stringify(entry, serializer())}\n`);
  };
  return {
    debug: (msg, fields) => log('debug', msg, fields),
    info: (msg, fields) => log('info', msg, fields),
    warn: (msg, fields) => log('warn', msg, fields),
    error: (msg, fields) => log('error', msg, fields),
    child: (extra) => createLogger({ level, destination, now, bindings: { ...bindings, ...extra } }),
  };
}
