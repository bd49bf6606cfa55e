// The baseline of `npm run bench:chat`: the least a Socket.IO chat server can do. It takes `message:send`, acks,
// asks the same local model through the same adapter as Kiln, and relays each token as a `turn:event`. No auth, no
// database, no routing: what Kiln adds on top of this is Kiln's own cost.
import http from 'node:http';
import { Server } from 'socket.io';
import { OpenAiProvider } from '../../server/llm/openai-provider.ts';

const modelUrl = process.argv[2]!;
const provider = new OpenAiProvider({ apiKey: undefined, model: 'instant', baseUrl: `${modelUrl}/v1` });
const server = http.createServer();
const io = new Server(server, { serveClient: false });
let turns = 0;

io.on('connection', (socket) => {
  socket.on('message:send', async (payload: { content: string }, ack: (answer: object) => void) => {
    const turnId = `relay-${(turns += 1)}`;
    ack({ ok: true, turnId });
    let seq = 0;
    for await (const part of provider.stream(
      { system: 'relay', messages: [{ role: 'user', content: payload.content }], maxOutputTokens: 64 },
      new AbortController().signal,
    )) {
      if (part.type === 'text-delta')
        socket.emit('turn:event', { type: 'text.delta', turnId, seq: (seq += 1), delta: part.text });
    }
    socket.emit('turn:event', { type: 'turn.end', turnId, seq: seq + 1 });
  });
});

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(
    `${JSON.stringify({ msg: 'relay listening', url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })}\n`,
  );
});
process.on('SIGTERM', () => process.exit(0));
