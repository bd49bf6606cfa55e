import { createHash } from 'node:crypto';

/**
 * The Content-Security-Policy of one of the client's HTML pages. Scripts run only from Kiln's own files and the
 * page's inline scripts, allowed one by one by their SHA-256 (SvelteKit's start-up script and the theme script of
 * app.html), so a script that got into the page any other way (stored content, a model's answer) does not run,
 * nor does an inline event handler (`onerror=`). Hashed here, from the HTML being served, rather than by
 * SvelteKit's `kit.csp`: that would put the policy in a `<meta>`, where `frame-ancestors` is ignored, and the
 * SPA's fallback page would still need this server to send it. Hashing a few hundred bytes per page load costs
 * nothing and stays right when the client is rebuilt under a running server.
 *
 * Styles may be inline ('unsafe-inline'): SvelteKit's own route announcer (generated, not Kiln's code) carries a
 * style attribute, and app.html's mount point another. A hash cannot allow an attribute in every browser, and
 * a hash would switch 'unsafe-inline' off. Injected styles can restyle the page but run nothing; the sanitiser
 * keeps them out of rendered answers anyway. `connect-src 'self'` covers the same-origin WebSocket (ws:, wss:)
 * in CSP Level 3 browsers.
 */
export function contentSecurityPolicy(html: string): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...inlineScriptHashes(html)].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** A page's inline `<script>` elements (no `src`), with their text exactly as the browser hashes it. */
const inlineScript = /<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/script\s*>/gi;

/** The CSP hash sources of a page's inline scripts. */
function inlineScriptHashes(html: string): Set<string> {
  const hashes = new Set<string>();
  for (const [, attributes, body] of html.matchAll(inlineScript)) {
    if (/\ssrc\s*=/i.test(` ${attributes}`)) continue;
    hashes.add(
      `'sha256-${createHash('sha256')
        .update(body ?? '')
        .digest('base64')}'`,
    );
  }
  return hashes;
}
