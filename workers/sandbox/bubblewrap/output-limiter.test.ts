import { describe, expect, it } from 'vitest';
import { OutputLimiter } from './output-limiter.ts';

describe('OutputLimiter', () => {
  it('delivers a character split across chunks whole', () => {
    const limiter = new OutputLimiter(1024);
    const bytes = Buffer.from('a😀é');
    const parts = [bytes.subarray(0, 2), bytes.subarray(2, 4), bytes.subarray(4, 6), bytes.subarray(6)];
    const text = parts.map((part) => limiter.write(part).text).join('') + limiter.end();
    expect(text).toBe('a😀é');
  });

  it('stops at the limit, never delivering more bytes than it, and drops everything after', () => {
    const limiter = new OutputLimiter(10);
    expect(limiter.write(Buffer.from('12345678'))).toEqual({ text: '12345678', overflowed: false });
    // 'é' is two bytes: the second would cross the limit
    expect(limiter.write(Buffer.from('9éé'))).toEqual({ text: '9', overflowed: true });
    expect(limiter.write(Buffer.from('more'))).toEqual({ text: '', overflowed: true });
    expect(limiter.end()).toBe('');
  });

  it('lets a stream of exactly the limit through without overflowing', () => {
    const limiter = new OutputLimiter(4);
    expect(limiter.write(Buffer.from('abcd'))).toEqual({ text: 'abcd', overflowed: false });
    expect(limiter.end()).toBe('');
  });

  it('ends an unfinished character as a replacement character', () => {
    const limiter = new OutputLimiter(100);
    limiter.write(Buffer.from('ok'));
    limiter.write(Buffer.from('😀').subarray(0, 2));
    expect(limiter.end()).toBe('\ufffd');
  });
});
