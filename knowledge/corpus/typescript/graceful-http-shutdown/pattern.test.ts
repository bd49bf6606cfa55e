import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeGracefully, shutdownOnSignals } from './pattern.ts';

let server: Server;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
});

/** A server whose /slow requests wait until released; resolves `arrived` when one is in flight. */
async function startServer() {
  let release!: () => void;
  let arrived!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const inFlight = new Promise<void>((resolve) => (arrived = resolve));
  server = createServer(async (req, res) => {
    if (req.url === '/slow') {
      arrived();
      await released;
    }
    res.end(`done ${req.url}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, release, inFlight };
}

describe('closeGracefully', () => {
  it('lets an in-flight request finish, then refuses new connections', async () => {
    const { url, release, inFlight } = await startServer();
    await (await fetch(`${url}/fast`)).text(); // leaves an idle keep-alive socket behind
    const slow = fetch(`${url}/slow`);
    await inFlight;
    const started = Date.now();
    const closing = closeGracefully(server, 5_000);
    setTimeout(release, 20);
    const res = await slow;
    expect(await res.text()).toBe('done /slow');
    await expect(closing).resolves.toBe(true);
    expect(Date.now() - started).toBeLessThan(1_000); // keep-alive sockets did not hold it open
    await expect(fetch(`${url}/fast`)).rejects.toThrow();
  });

  it('force-closes stuck connections after the deadline', async () => {
    const { url, inFlight } = await startServer();
    const stuck = fetch(`${url}/slow`).catch((error: unknown) => error);
    await inFlight;
    const started = Date.now();
    await expect(closeGracefully(server, 50)).resolves.toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await stuck).toBeInstanceOf(Error);
  });
});

describe('shutdownOnSignals', () => {
  it('closes the server, runs cleanup and exits 0 on SIGTERM', async () => {
    await startServer();
    const cleanup = vi.fn();
    const exited = new Promise<number>((resolve) => {
      const dispose = shutdownOnSignals(server, { cleanup, exit: (code) => (dispose(), resolve(code)) });
    });
    process.emit('SIGTERM');
    expect(await exited).toBe(0);
    expect(cleanup).toHaveBeenCalledOnce();
    expect(server.listening).toBe(false);
  });
});
