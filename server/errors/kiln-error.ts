/**
 * The base of every error Kiln raises on purpose. It carries a stable `code`
 * for clients, the HTTP status it maps to, and the underlying `cause`. Only the
 * edge (the HTTP error handler, the socket error path) turns it into a
 * response; `message` is written to be safe to show to users.
 */
export class KilnError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(code: string, status: number, message: string, options: { cause?: unknown; details?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = status;
    this.details = options.details;
  }
}
