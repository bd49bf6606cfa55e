const BASE = 'https://redirect.invalid';

/**
 * Returns `target` if it is a path on this site (for `?next=` / `returnTo` after login), else `fallback`.
 *
 * String checks like `startsWith('/')` are not enough: browsers treat `//evil.com`, `/\evil.com` and
 * `/\t/evil.com` as links to evil.com. The target is parsed the way a browser would and rejected
 * unless it stays on our origin and its normalized path does not start with `//`.
 */
export function safeRedirectPath(target: unknown, fallback = '/'): string {
  if (typeof target !== 'string' || !target.startsWith('/')) return fallback;
  if (/[\x00-\x1f\x7f\\]/.test(target)) return fallback;
  let url: URL;
  try {
    url = new URL(target, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/a/..//evil.com` normalizes to `//evil.com`, a protocol-relative URL.
  return path.startsWith('//') ? fallback : path;
}

/**
 * Returns `target` as an absolute URL if its origin is exactly one of `allowedOrigins`
 * (e.g. `https://app.example.com`), else `fallback`. Compare origins, never `includes`/`endsWith`
 * on the string: `https://app.example.com.evil.net` and `https://evil.net/?app.example.com` pass those.
 */
export function safeRedirectUrl(target: unknown, allowedOrigins: readonly string[], fallback: string): string {
  if (typeof target !== 'string') return fallback;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return fallback;
  }
  if (url.username || url.password) return fallback;
  return allowedOrigins.includes(url.origin) ? url.href : fallback;
}
