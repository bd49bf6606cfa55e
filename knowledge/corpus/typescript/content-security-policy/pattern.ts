import { randomBytes } from 'node:crypto';

export type CspDirectives = Record<string, readonly string[]>;

/** A fresh nonce for every response. A fixed or reused nonce lets injected scripts run. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

const DIRECTIVE_NAME = /^[a-z][a-z-]*$/;
const SOURCE = /^[^\s;,]+$/; // a source containing ; or , would smuggle in another directive or policy

/**
 * A strict, nonce-based Content-Security-Policy: only scripts carrying `nonce="…"` (and scripts they
 * load, via 'strict-dynamic') run, so injected inline scripts and on* handlers are blocked.
 * `extra` adds sources to a directive (or adds a directive; [] for value-less ones). Roll out with
 * the Content-Security-Policy-Report-Only header first to see what would break.
 */
export function buildCsp(nonce: string, extra: CspDirectives = {}): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': [`'nonce-${nonce}'`, "'strict-dynamic'"],
    'style-src': ["'self'", `'nonce-${nonce}'`],
    'img-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
  };
  for (const [name, sources] of Object.entries(extra)) {
    if (!DIRECTIVE_NAME.test(name)) throw new TypeError(`invalid CSP directive: ${name}`);
    for (const source of sources) if (!SOURCE.test(source)) throw new TypeError(`invalid CSP source: ${JSON.stringify(source)}`);
    directives[name] = [...new Set([...(directives[name] ?? []), ...sources])];
  }
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** CSP plus the other response headers every HTML page should send. HSTS only matters over HTTPS. */
export function securityHeaders(nonce: string, extra: CspDirectives = {}): Record<string, string> {
  return {
    'Content-Security-Policy': buildCsp(nonce, extra),
    'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'X-Frame-Options': 'DENY', // for browsers that predate frame-ancestors
  };
}
