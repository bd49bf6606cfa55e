import net from 'node:net';

/**
 * A TCP relay between the browser and Kiln that can lose the network: `drop()`
 * cuts every open connection (HTTP, WebSocket) and refuses new ones until
 * `restore()`. The browser sees what a Wi-Fi drop looks like: resets and
 * refused connections, not a clean close.
 */
export async function startNetworkSwitch(target: URL) {
  const open = new Set<net.Socket>();
  let online = true;
  const server = net.createServer((incoming) => {
    if (!online) {
      incoming.destroy();
      return;
    }
    const outgoing = net.connect(Number(target.port), '127.0.0.1');
    for (const socket of [incoming, outgoing]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => {
        incoming.destroy();
        outgoing.destroy();
      });
    }
    incoming.pipe(outgoing);
    outgoing.pipe(incoming);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    drop() {
      online = false;
      for (const socket of open) socket.resetAndDestroy();
    },
    restore() {
      online = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
