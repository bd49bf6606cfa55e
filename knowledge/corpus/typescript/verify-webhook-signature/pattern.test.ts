import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './pattern.ts';

const SECRET = 'whsec_test_secret';
const body = '{"id":"evt_1","type":"invoice.paid","amount":4200}';

describe('verifyWebhookSignature', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-01-01T00:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('accepts a correctly signed, fresh request', () => {
    const header = signWebhook(SECRET, body);
    expect(verifyWebhookSignature(SECRET, body, header)).toEqual({ ok: true, timestamp: 1735689600 });
    expect(verifyWebhookSignature(SECRET, Buffer.from(body), header).ok).toBe(true);
  });

  it('rejects a modified body, even a whitespace change from re-serializing', () => {
    const header = signWebhook(SECRET, body);
    const tampered = body.replace('4200', '1');
    expect(verifyWebhookSignature(SECRET, tampered, header)).toEqual({ ok: false, reason: 'signature-mismatch' });
    const reserialized = JSON.stringify(JSON.parse(body), null, 2);
    expect(verifyWebhookSignature(SECRET, reserialized, header).ok).toBe(false);
  });

  it('rejects a signature made with another secret', () => {
    const header = signWebhook('whsec_other', body);
    expect(verifyWebhookSignature(SECRET, body, header)).toEqual({ ok: false, reason: 'signature-mismatch' });
  });

  it('rejects replays outside the tolerance window', () => {
    const header = signWebhook(SECRET, body);
    vi.advanceTimersByTime(301_000);
    expect(verifyWebhookSignature(SECRET, body, header)).toEqual({ ok: false, reason: 'timestamp-out-of-range' });
    expect(verifyWebhookSignature(SECRET, body, header, { toleranceSeconds: 600 }).ok).toBe(true);
  });

  it('cannot be fooled by swapping in a new timestamp', () => {
    const old = signWebhook(SECRET, body, 1735689600 - 3600);
    const forged = old.replace(/t=\d+/, 't=1735689600');
    expect(verifyWebhookSignature(SECRET, body, forged)).toEqual({ ok: false, reason: 'signature-mismatch' });
  });

  it('accepts any of several signatures (secret rotation)', () => {
    const good = signWebhook(SECRET, body);
    const bad = signWebhook('whsec_old', body);
    const v1Good = good.split(',')[1]!;
    expect(verifyWebhookSignature(SECRET, body, `${bad},${v1Good}`).ok).toBe(true);
  });

  it('reports malformed headers without throwing', () => {
    for (const header of [undefined, null, '', 'garbage', 't=abc,v1=00', 'v1=deadbeef', 't=1735689600']) {
      expect(verifyWebhookSignature(SECRET, body, header)).toEqual({ ok: false, reason: 'malformed-header' });
    }
    expect(verifyWebhookSignature(SECRET, body, 't=1735689600,v1=short')).toEqual({ ok: false, reason: 'signature-mismatch' });
  });
});
