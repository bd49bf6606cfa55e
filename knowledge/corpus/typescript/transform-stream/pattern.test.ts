import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { NdjsonParser, ndjsonStringifier } from './pattern.ts';

async function parse(chunks: (Buffer | string)[]): Promise<unknown[]> {
  return Readable.from(chunks, { objectMode: false }).pipe(new NdjsonParser()).toArray();
}

describe('NdjsonParser', () => {
  it('parses values split across chunks, with CRLF and blank lines', async () => {
    expect(await parse(['{"a":', '1}\r\n\n{"b"', ':[2,3]}\n', '"last"'])).toEqual([{ a: 1 }, { b: [2, 3] }, 'last']);
  });

  it('skips null lines instead of ending the stream early', async () => {
    expect(await parse(['1\nnull\n2\n'])).toEqual([1, 2]);
  });

  it('keeps multibyte characters that straddle a chunk boundary', async () => {
    const bytes = Buffer.from('{"name":"Zoë 🚀"}\n');
    const cut = bytes.indexOf(0xf0) + 2; // middle of the rocket emoji
    expect(await parse([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual([{ name: 'Zoë 🚀' }]);
  });

  it('fails the pipeline with the line number of bad input', async () => {
    const sink = new Writable({ objectMode: true, write: (_value, _encoding, callback) => callback() });
    await expect(pipeline(Readable.from(['{"ok":1}\n', '{oops}\n']), new NdjsonParser(), sink)).rejects.toThrow(/line 2/);
    expect(sink.destroyed).toBe(true);
  });

  it('round-trips through the stringifier', async () => {
    const values = [{ id: 1 }, [1, 'two'], 'line\nbreak', 42];
    const out = await Readable.from(values).pipe(ndjsonStringifier()).pipe(new NdjsonParser()).toArray();
    expect(out).toEqual(values);
  });
});
