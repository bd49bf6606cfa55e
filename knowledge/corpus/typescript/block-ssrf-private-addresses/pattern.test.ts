import { describe, it, expect, vi } from 'vitest';
import { isPublicAddress, pinnedLookup, resolvePublicUrl, SsrfError, type LookupAll } from './pattern.ts';

const dns = (table: Record<string, string[]>): LookupAll =>
  vi.fn(async (hostname: string) => (table[hostname] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));

describe('isPublicAddress', () => {
  it('accepts public addresses', () => {
    for (const address of ['8.8.8.8', '1.1.1.1', '93.184.216.34', '2606:4700:4700::1111', '::ffff:8.8.8.8']) {
      expect(isPublicAddress(address)).toBe(true);
    }
  });

  it('rejects loopback, private, link-local, metadata and mapped addresses', () => {
    for (const address of [
      '127.0.0.1', '127.1.2.3', '10.0.0.5', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254',
      '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1',
      '::ffff:7f00:1', '::ffff:169.254.169.254', 'not-an-ip', '',
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    expect(isPublicAddress('172.32.0.1')).toBe(true);
  });
});

describe('resolvePublicUrl', () => {
  it('returns the URL and the checked address to connect to', async () => {
    const lookup = dns({ 'hooks.example.com': ['93.184.216.34'] });
    const result = await resolvePublicUrl('https://hooks.example.com/in', lookup);
    expect(result).toEqual({ url: new URL('https://hooks.example.com/in'), address: '93.184.216.34', family: 4 });
  });

  it('rejects hosts where any resolved address is private', async () => {
    const lookup = dns({ 'rebind.example': ['93.184.216.34', '127.0.0.1'], 'internal.example': ['10.1.2.3'] });
    await expect(resolvePublicUrl('http://rebind.example/', lookup)).rejects.toThrow(/127\.0\.0\.1/);
    await expect(resolvePublicUrl('http://internal.example/', lookup)).rejects.toThrow(SsrfError);
  });

  it('checks IP literals, including disguised ones, without DNS', async () => {
    const lookup = dns({});
    for (const url of ['http://127.0.0.1:6379/', 'http://2130706433/', 'http://0x7f.1/', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://169.254.169.254/latest/meta-data/']) {
      await expect(resolvePublicUrl(url, lookup), url).rejects.toThrow(SsrfError);
    }
    await expect(resolvePublicUrl('http://[2606:4700:4700::1111]/', lookup)).resolves.toMatchObject({ family: 6 });
    expect(lookup).not.toHaveBeenCalled();
  });

  it('rejects other schemes, garbage and unresolvable hosts', async () => {
    const lookup = dns({});
    for (const url of ['file:///etc/passwd', 'gopher://x.example/', 'ftp://x.example/', 'not a url', 'http://nowhere.example/']) {
      await expect(resolvePublicUrl(url, lookup), url).rejects.toThrow(SsrfError);
    }
  });
});

describe('pinnedLookup', () => {
  it('answers every lookup with the checked address', () => {
    const lookup = pinnedLookup('93.184.216.34', 4);
    const single = vi.fn();
    lookup('anything.example', {}, single);
    expect(single).toHaveBeenCalledWith(null, '93.184.216.34', 4);
    const all = vi.fn();
    lookup('anything.example', { all: true }, all);
    expect(all).toHaveBeenCalledWith(null, [{ address: '93.184.216.34', family: 4 }]);
  });
});
