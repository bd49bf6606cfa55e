import { describe, expect, it } from 'vitest';
import { hostIsAllowed, originIsAllowed, refusalFor } from './allowed-origins.ts';

const publicOrigins = ['https://kiln.example.com'];

describe('hostIsAllowed', () => {
  it('allows loopback names and IP addresses on any port, and the hosts of KILN_PUBLIC_URL', () => {
    for (const host of [
      'localhost',
      'localhost:3000',
      'LOCALHOST:3000',
      'app.localhost:5173',
      '127.0.0.1:3000',
      '[::1]:3000',
      '192.168.1.20:3000',
      '[fe80::1]',
      'kiln.example.com',
      'kiln.example.com:8443',
    ])
      expect(hostIsAllowed(host, publicOrigins), host).toBe(true);
  });

  it('refuses any other name, and anything that is not a bare host', () => {
    for (const host of [
      'attacker.example',
      'attacker.example:3000',
      'localhost.attacker.example',
      'kiln.example.com.attacker.example',
      'user@localhost',
      'localhost/path',
      '',
      undefined,
    ])
      expect(hostIsAllowed(host, publicOrigins), String(host)).toBe(false);
    expect(hostIsAllowed('kiln.example.com', [])).toBe(false);
  });
});

describe('originIsAllowed', () => {
  it('allows KILN_PUBLIC_URL exactly, whatever the Host', () => {
    expect(originIsAllowed('https://kiln.example.com', 'kiln.example.com', publicOrigins)).toBe(true);
    expect(originIsAllowed('https://kiln.example.com', '127.0.0.1:3000', publicOrigins)).toBe(true);
    expect(originIsAllowed('http://kiln.example.com', 'kiln.example.com', publicOrigins)).toBe(false);
    expect(originIsAllowed('https://kiln.example.com:8443', 'kiln.example.com:8443', publicOrigins)).toBe(false);
  });

  it('allows a loopback or IP origin only when it is the request’s own host', () => {
    expect(originIsAllowed('http://localhost:3000', 'localhost:3000', [])).toBe(true);
    expect(originIsAllowed('http://127.0.0.1:3000', '127.0.0.1:3000', [])).toBe(true);
    expect(originIsAllowed('http://[::1]:3000', '[::1]:3000', [])).toBe(true);
    expect(originIsAllowed('https://localhost', 'localhost:443', [])).toBe(true);
    expect(originIsAllowed('http://localhost:5173', 'localhost:3000', [])).toBe(false);
    expect(originIsAllowed('http://127.0.0.1:3000', 'localhost:3000', [])).toBe(false);
  });

  it('refuses foreign, opaque and malformed origins', () => {
    for (const origin of ['https://attacker.example', 'http://attacker.example:3000', 'null', 'file://', 'x'])
      expect(originIsAllowed(origin, 'attacker.example:3000', []), origin).toBe(false);
  });
});

describe('refusalFor', () => {
  it('answers a foreign Host with 421 naming KILN_PUBLIC_URL, checked before the Origin', () => {
    expect(refusalFor({ host: 'attacker.example', origin: 'https://attacker.example' }, [])).toMatchObject({
      status: 421,
      code: 'host_not_allowed',
      message: expect.stringContaining('Kiln is not served at attacker.example; set KILN_PUBLIC_URL'),
    });
  });

  it('answers a foreign Origin with 403, and lets requests without an Origin through', () => {
    expect(refusalFor({ host: 'localhost:3000', origin: 'https://attacker.example' }, [])).toMatchObject({
      status: 403,
      code: 'origin_not_allowed',
    });
    expect(refusalFor({ host: 'localhost:3000', origin: undefined }, [])).toBeUndefined();
    expect(refusalFor({ host: 'localhost:3000', origin: 'http://localhost:3000' }, [])).toBeUndefined();
  });
});
