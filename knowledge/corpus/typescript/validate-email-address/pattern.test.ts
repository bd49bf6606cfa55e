import { describe, expect, it } from 'vitest';
import { isValidEmail, validateEmail } from './pattern.ts';

describe('validateEmail', () => {
  it('accepts ordinary addresses, including plus tags and subdomains', () => {
    for (const email of ['ada@example.com', 'first.last+newsletter@mail.example.co.uk', "o'brien@example.ie", 'x@a-b.io', 'user_1@xn--p1ai.xn--p1ai']) {
      expect(validateEmail(email), email).toEqual({ ok: true, email });
    }
  });

  it('trims, lowercases the domain only, and converts international domains to punycode', () => {
    expect(validateEmail('  Ada.Lovelace@Example.COM ')).toEqual({ ok: true, email: 'Ada.Lovelace@example.com' });
    expect(validateEmail('info@bücher.de')).toEqual({ ok: true, email: 'info@xn--bcher-kva.de' });
  });

  it('rejects a missing, leading or repeated @', () => {
    for (const email of ['', 'ada.example.com', '@example.com', 'ada@', 'a@b@example.com']) {
      expect(validateEmail(email).ok, email).toBe(false);
    }
  });

  it('rejects bad local parts', () => {
    for (const email of ['.ada@example.com', 'ada.@example.com', 'a..b@example.com', 'a b@example.com', '"a b"@example.com', 'josé@example.com', `${'a'.repeat(65)}@example.com`]) {
      expect(validateEmail(email).ok, email).toBe(false);
    }
    expect(validateEmail(`${'a'.repeat(64)}@example.com`).ok).toBe(true);
  });

  it('rejects bad domains', () => {
    for (const email of ['ada@localhost', 'ada@example', 'ada@-example.com', 'ada@example-.com', 'ada@exa_mple.com', 'ada@example..com', 'ada@.example.com', 'ada@example.com.', 'ada@exa mple.com', `ada@${'a'.repeat(64)}.com`]) {
      expect(validateEmail(email).ok, email).toBe(false);
    }
  });

  it('rejects IP addresses in place of a domain', () => {
    expect(validateEmail('ada@192.168.0.1')).toEqual({ ok: false, reason: expect.stringMatching(/top-level domain/) });
    expect(validateEmail('ada@[192.168.0.1]').ok).toBe(false);
  });

  it('enforces the overall length limit', () => {
    const domain = `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.com`;
    expect(validateEmail(`${'x'.repeat(10)}@${domain}`)).toEqual({ ok: false, reason: expect.stringMatching(/254/) });
  });
});

describe('isValidEmail', () => {
  it('is the boolean shortcut', () => {
    expect(isValidEmail('ada@example.com')).toBe(true);
    expect(isValidEmail('not an email')).toBe(false);
  });
});
