/**
 * Which `Host` and `Origin` values Kiln answers: its defence against DNS rebinding (a name the attacker
 * controls, pointed at this machine) and against other sites' pages talking to it.
 *
 * - A Host is allowed when its name is a host of KILN_PUBLIC_URL, or a loopback name (`localhost`,
 *   `*.localhost`), or an IP address (`127.0.0.1`, `[::1]`, `192.168.1.5`: rebinding needs a DNS name), on
 *   any port.
 * - An Origin is allowed when it is one of KILN_PUBLIC_URL, or it is same-origin: its host passes the
 *   loopback / IP rule and equals the request's own Host.
 */

/** Why a request is refused, as the HTTP edge and the upgrade path both answer it. */
export interface Refusal {
  status: 421 | 403;
  code: 'host_not_allowed' | 'origin_not_allowed';
  message: string;
}

/**
 * The refusal for a request with this `host`, and `origin` when the caller checks it (pass undefined to
 * skip: safe methods, or no Origin header at all, which is what non-browser clients send). Undefined: allowed.
 */
export function refusalFor(
  request: { host: string | undefined; origin: string | undefined },
  publicOrigins: readonly string[],
): Refusal | undefined {
  if (!hostIsAllowed(request.host, publicOrigins)) {
    const shown = shorten(request.host ?? '(no Host header)');
    return {
      status: 421,
      code: 'host_not_allowed',
      message: `Kiln is not served at ${shown}; set KILN_PUBLIC_URL to the address you open Kiln at (like https://${shown}) to serve it there.`,
    };
  }
  if (request.origin !== undefined && !originIsAllowed(request.origin, request.host, publicOrigins)) {
    return {
      status: 403,
      code: 'origin_not_allowed',
      message: `Requests from the origin ${shorten(request.origin)} are refused: Kiln accepts browser requests from its own address and from KILN_PUBLIC_URL.`,
    };
  }
  return undefined;
}

export function hostIsAllowed(host: string | undefined, publicOrigins: readonly string[]): boolean {
  const url = host === undefined ? undefined : parseUrl(`http://${host}`);
  if (!url || url.username || url.password || url.pathname !== '/' || url.search || url.hash) return false;
  return (
    isLoopbackOrAddress(url.hostname) || publicOrigins.some((origin) => parseUrl(origin)?.hostname === url.hostname)
  );
}

export function originIsAllowed(origin: string, host: string | undefined, publicOrigins: readonly string[]): boolean {
  const url = parseUrl(origin);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return false;
  if (publicOrigins.some((allowed) => parseUrl(allowed)?.origin === url.origin)) return true;
  if (!isLoopbackOrAddress(url.hostname) || host === undefined) return false;
  // Read the Host with the Origin's scheme, so that a default port written or left out compares equal.
  return parseUrl(`${url.protocol}//${host}`)?.host === url.host;
}

/** `hostname` as the URL parser normalises it (lower case, IPv4 in dotted decimal, IPv6 in brackets). */
function isLoopbackOrAddress(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname) ||
    (hostname.startsWith('[') && hostname.endsWith(']'))
  );
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

const shorten = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);
