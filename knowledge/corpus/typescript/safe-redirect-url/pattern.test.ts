import { describe, it, expect } from 'vitest';
import { safeRedirectPath, safeRedirectUrl } from './pattern.ts';

describe('safeRedirectPath', () => {
  it('keeps local paths with query and hash', () => {
    expect(safeRedirectPath('/dashboard')).toBe('/dashboard');
    expect(safeRedirectPath('/orders?id=5&tab=items#top')).toBe('/orders?id=5&tab=items#top');
    expect(safeRedirectPath('/a/../b')).toBe('/b');
  });

  it('rejects absolute and protocol-relative URLs', () => {
    for (const target of ['https://evil.com', '//evil.com', '///evil.com', 'http:evil.com', 'javascript:alert(1)', 'evil.com']) {
      expect(safeRedirectPath(target)).toBe('/');
    }
  });

  it('rejects the tricks browsers turn into another host', () => {
    for (const target of ['/\\evil.com', '/\\/evil.com', '/\t/evil.com', '/\n/evil.com', '/a/..//evil.com', '/.//evil.com']) {
      expect(safeRedirectPath(target, '/home')).toBe('/home');
    }
  });

  it('keeps encoded slashes as harmless path characters', () => {
    expect(safeRedirectPath('/%2F%2Fevil.com')).toBe('/%2F%2Fevil.com');
  });

  it('falls back for missing or non-string input', () => {
    expect(safeRedirectPath(undefined)).toBe('/');
    expect(safeRedirectPath(['/x'], '/start')).toBe('/start');
    expect(safeRedirectPath('')).toBe('/');
  });
});

describe('safeRedirectUrl', () => {
  const allowed = ['https://app.example.com'];

  it('allows exactly the listed origins', () => {
    expect(safeRedirectUrl('https://app.example.com/callback?code=1', allowed, '/')).toBe('https://app.example.com/callback?code=1');
    expect(safeRedirectUrl('HTTPS://APP.example.com:443/x', allowed, '/')).toBe('https://app.example.com/x');
  });

  it('rejects look-alike hosts, other schemes and ports, and credentials', () => {
    for (const target of [
      'https://app.example.com.evil.net/',
      'https://evil.net/?https://app.example.com',
      'http://app.example.com/',
      'https://app.example.com:8443/',
      'https://app.example.com@evil.net/',
      'https://user:pw@app.example.com/',
      'javascript:alert(1)',
      '/relative',
    ]) {
      expect(safeRedirectUrl(target, allowed, '/fallback')).toBe('/fallback');
    }
  });
});
