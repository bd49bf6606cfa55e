import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseServerSentEvents, type ServerSentEvent } from './pattern.ts';

async function* chunks(...parts: (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield typeof part === 'string' ? new TextEncoder().encode(part) : part;
}

async function collect(body: AsyncIterable<Uint8Array>): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  for await (const event of parseServerSentEvents(body)) events.push(event);
  return events;
}

describe('parseServerSentEvents', () => {
  it('parses named events, multi-line data, ids, retry and comments', async () => {
    const events = await collect(chunks(': keep-alive\n', 'event: delta\nid: 7\ndata: line one\ndata: line two\n\n', 'retry: 3000\ndata:{"done":true}\n\n'));
    expect(events).toEqual([
      { event: 'delta', data: 'line one\nline two', lastEventId: '7' },
      { event: 'message', data: '{"done":true}', lastEventId: '7', retry: 3000 },
    ]);
  });

  it('handles fields split across chunks and CRLF split between chunks', async () => {
    const bytes = new TextEncoder().encode('data: héllo\r\n\r\n');
    const events = await collect(chunks('da', 'ta: a', 'b\r', '\n\r', '\n', bytes.subarray(0, 8), bytes.subarray(8)));
    expect(events.map((e) => e.data)).toEqual(['ab', 'héllo']);
  });

  it('ignores events without data and drops an unterminated last event', async () => {
    expect(await collect(chunks('event: ping\n\n', 'data: kept\n\n', 'data: cut off'))).toEqual([{ event: 'message', data: 'kept', lastEventId: '' }]);
  });

  it('accepts lone CR line endings, including at the very end', async () => {
    expect((await collect(chunks('data: x\r\r'))).map((e) => e.data)).toEqual(['x']);
  });
});

describe('with fetch against a streaming server', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      for (const token of ['Hel', 'lo', ' world']) {
        res.write(`event: token\ndata: ${JSON.stringify({ token })}\n\n`);
        await delay(5);
      }
      res.end('event: done\ndata: [DONE]\n\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/stream`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('streams events as they arrive', async () => {
    const res = await fetch(url, { headers: { accept: 'text/event-stream' } });
    let text = '';
    for await (const message of parseServerSentEvents(res.body!)) {
      if (message.event === 'done') break;
      text += (JSON.parse(message.data) as { token: string }).token;
    }
    expect(text).toBe('Hello world');
  });
});
