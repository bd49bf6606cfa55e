import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP, type LookupFunction } from 'node:net';

const blocked = new BlockList();
// Loopback, private, link-local (cloud metadata 169.254.169.254), CGNAT, documentation, multicast, reserved.
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], ['::1', 128], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32], ['2002::', 16],
  ['fc00::', 7], ['fe80::', 10], ['ff00::', 8],
] as const) blocked.addSubnet(network, prefix, 'ipv6');

/** True for a globally routable address. IPv4-mapped IPv6 (::ffff:127.0.0.1) is checked as IPv4. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  return family !== 0 && !blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export class SsrfError extends Error {
  override name = 'SsrfError';
}

export type LookupAll = (hostname: string) => Promise<{ address: string; family: number }[]>;
const systemLookup: LookupAll = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/**
 * Checks a user-supplied URL (webhook target, image to fetch, link preview) before the server
 * requests it: http(s) only, and every address the host resolves to must be public.
 *
 * Then connect to the returned `address` (see `pinnedLookup`): resolving again at connect time
 * lets a DNS-rebinding host answer 127.0.0.1 the second time. Turn off automatic redirects and
 * check each hop with this function again.
 */
export async function resolvePublicUrl(input: string, lookup: LookupAll = systemLookup): Promise<{ url: URL; address: string; family: 4 | 6 }> {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new SsrfError('invalid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SsrfError(`scheme not allowed: ${url.protocol}`);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1'); // URL keeps the brackets of IPv6 literals
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host);
  const first = addresses[0];
  if (!first) throw new SsrfError(`${host} did not resolve`);
  const privateOne = addresses.find(({ address }) => !isPublicAddress(address));
  if (privateOne) throw new SsrfError(`${host} resolves to a non-public address (${privateOne.address})`);
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}

/** A `lookup` for http.request / https.request / net.connect that always answers the checked address. */
export function pinnedLookup(address: string, family: 4 | 6): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}
