import { describe, expect, it } from 'vitest';
import { LimitedOutput, type OutputStream } from './limited-output.ts';

function capture(limitBytes: number) {
  const chunks: [OutputStream, string][] = [];
  const output = new LimitedOutput(limitBytes, (stream, chunk) => chunks.push([stream, chunk]));
  let limits = 0;
  output.onLimit = () => (limits += 1);
  return { output, chunks, limits: () => limits };
}

describe('LimitedOutput', () => {
  it('passes output through in order, per stream', () => {
    const { output, chunks } = capture(100);
    output.write('stdout', Buffer.from('a'));
    output.write('stderr', Buffer.from('b'));
    output.write('stdout', Buffer.from('c'));
    output.end();
    expect(chunks).toEqual([
      ['stdout', 'a'],
      ['stderr', 'b'],
      ['stdout', 'c'],
    ]);
  });

  it('cuts a stream at the limit, drops the rest and reports it once; the other stream goes on', () => {
    const { output, chunks, limits } = capture(5);
    output.write('stdout', Buffer.from('1234'));
    output.write('stdout', Buffer.from('5678'));
    output.write('stdout', Buffer.from('9'));
    output.write('stderr', Buffer.from('err'));
    output.end();
    expect(chunks).toEqual([
      ['stdout', '1234'],
      ['stdout', '5'],
      ['stderr', 'err'],
    ]);
    expect(limits()).toBe(1);
  });

  it('does not call exactly the limit truncation', () => {
    const { output, limits } = capture(4);
    output.write('stdout', Buffer.from('1234'));
    expect(limits()).toBe(0);
  });

  it('joins a UTF-8 character split across chunks, and drops one cut by the limit', () => {
    const euro = Buffer.from('€');
    const joined = capture(100);
    joined.output.write('stdout', euro.subarray(0, 1));
    joined.output.write('stdout', euro.subarray(1));
    joined.output.end();
    expect(joined.chunks.map(([, chunk]) => chunk).join('')).toBe('€');

    const cut = capture(2);
    cut.output.write('stdout', Buffer.from('a€'));
    cut.output.end();
    expect(cut.chunks.map(([, chunk]) => chunk).join('')).toBe('a');
  });
});
