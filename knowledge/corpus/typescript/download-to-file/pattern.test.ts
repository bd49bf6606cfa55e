import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { downloadToFile } from './pattern.ts';

const payload = randomBytes(300_000);
let server: Server;
let base: string;
let dir: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/file.bin') {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': payload.length });
      res.write(payload.subarray(0, 100_000));
      setTimeout(() => res.end(payload.subarray(100_000)), 10);
    } else if (req.url === '/chunked') {
      res.write(payload.subarray(0, 150_000)); // no Content-Length: the size is only known while streaming
      res.end(payload.subarray(150_000));
    } else if (req.url === '/truncated') {
      res.writeHead(200, { 'content-length': 1_000_000 });
      res.write(payload.subarray(0, 50_000), () => setTimeout(() => res.socket?.destroy(), 10));
    } else {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'download-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('downloadToFile', () => {
  it('writes the exact bytes and returns the size', async () => {
    const file = path.join(dir, 'file.bin');
    expect(await downloadToFile(`${base}/file.bin`, file)).toBe(payload.length);
    expect((await readFile(file)).equals(payload)).toBe(true);
    expect(await readdir(dir)).toEqual(['file.bin']);
  });

  it('refuses an error response without creating a file', async () => {
    await expect(downloadToFile(`${base}/missing`, path.join(dir, 'x.bin'))).rejects.toThrow(/HTTP 404/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('enforces maxBytes from Content-Length and while streaming', async () => {
    await expect(downloadToFile(`${base}/file.bin`, path.join(dir, 'a.bin'), { maxBytes: 1_000 })).rejects.toThrow(/over the 1000 byte limit/);
    await expect(downloadToFile(`${base}/chunked`, path.join(dir, 'b.bin'), { maxBytes: 200_000 })).rejects.toThrow(/exceeded/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('leaves no partial file when the connection drops', async () => {
    await expect(downloadToFile(`${base}/truncated`, path.join(dir, 'c.bin'))).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });

  it('can be cancelled with a signal', async () => {
    await expect(downloadToFile(`${base}/file.bin`, path.join(dir, 'd.bin'), { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(await readdir(dir)).toEqual([]);
  });
});
