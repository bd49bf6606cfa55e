// `npm run bench:sockets`: the memory an idle connected socket costs a quiet Kiln server. 4,000 authenticated
// Socket.IO connections (WebSocket transport, as the web client opens them) join a server that has done nothing
// else but a warm-up (100 sockets opened and closed). Before and after, with the sockets idle for 5 s, a full
// garbage collection is forced through the server's inspector (`HeapProfiler.collectGarbage`, twice) and the
// server reads its own `process.memoryUsage()`; its RSS is read from /proc. Per socket: the growth divided by the
// number of sockets, for the RSS (everything the process holds) and for the JS heap plus V8's external memory
// (what Kiln and Socket.IO keep per connection). The heap can grow into pages the process already held, so the
// larger of the two is judged (target ≤ 25 KB). Exits non-zero when the target is missed.
import net from 'node:net';
import os from 'node:os';
import { WebSocket } from 'ws';
import { startBenchKiln } from './bench/bench-kiln.ts';
import { rssOf } from './bench/resident-memory.ts';
import { connectAll } from './bench/chat-load.ts';

const sockets = Number(process.env.SOCKETS ?? 4_000);
const targetBytes = 25 * 1024;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A minimal Chrome DevTools Protocol client for the server's inspector: one request at a time. */
async function inspector(port: number) {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  const socket = new WebSocket(targets[0]!.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  let id = 0;
  const call = (method: string, params: object = {}) =>
    new Promise<{ result?: { result?: { value?: unknown } } }>((resolve) => {
      const mine = (id += 1);
      const onMessage = (data: Buffer) => {
        const message = JSON.parse(String(data)) as { id?: number };
        if (message.id !== mine) return;
        socket.off('message', onMessage);
        resolve(message as { result?: { result?: { value?: unknown } } });
      };
      socket.on('message', onMessage);
      socket.send(JSON.stringify({ id: mine, method, params }));
    });
  return {
    /** The server's memory after two full collections. */
    async settledMemory() {
      await call('HeapProfiler.collectGarbage');
      await call('HeapProfiler.collectGarbage');
      const answer = await call('Runtime.evaluate', {
        expression: 'JSON.stringify(process.memoryUsage())',
        returnByValue: true,
      });
      return JSON.parse(String(answer.result?.result?.value)) as NodeJS.MemoryUsage;
    },
    close: () => socket.close(),
  };
}

const inspectPort = await freePort();
const kiln = await startBenchKiln('kiln-bench-sockets', { NODE_OPTIONS: `--inspect=127.0.0.1:${inspectPort}` });
let failed: boolean | undefined;
try {
  const registered = await fetch(`${kiln.url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'sockets@example.com', password: 'correct horse battery' }),
  });
  const { token } = (await registered.json()) as { token: string };
  const devtools = await inspector(inspectPort);
  const pid = kiln.kiln.pid;
  for (const socket of await connectAll(kiln.url, 100, token)) socket.close();
  await sleep(5_000);

  const before = { ...(await devtools.settledMemory()), rss: rssOf(pid) };
  const open = [];
  for (let batch = 0; batch < sockets / 100; batch += 1) open.push(...(await connectAll(kiln.url, 100, token)));
  await sleep(5_000);
  const after = { ...(await devtools.settledMemory()), rss: rssOf(pid) };
  const connected = open.filter((socket) => socket.connected).length;
  for (const socket of open) socket.close();
  devtools.close();

  const perSocket = (field: 'rss' | 'heapUsed' | 'external') => (after[field] - before[field]) / connected;
  const js = perSocket('heapUsed') + perSocket('external');
  const rss = perSocket('rss');
  // Heap growth can land in pages the process already held (RSS then grows less than the heap): the larger counts.
  const cost = Math.max(rss, js);
  failed = connected !== sockets || cost > targetBytes;
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  console.log(
    `\n${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version} · ${connected} of ${sockets} sockets connected\n`,
  );
  console.log('| per idle socket | before → after (MB) | KB per socket | target |');
  console.log('| --- | --- | --- | --- |');
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  console.log(`| RSS | ${mb(before.rss)} → ${mb(after.rss)} | ${kb(rss)} | |`);
  console.log(
    `| JS heap + external | ${mb(before.heapUsed + before.external)} → ${mb(after.heapUsed + after.external)} | ${kb(js)} | |`,
  );
  console.log(`| **the larger** | | **${kb(cost)}** | ≤ 25 KB: ${cost <= targetBytes ? 'met' : 'MISSED'} |`);
} finally {
  await kiln.stop();
}
process.exit(failed === false ? 0 : 1);
