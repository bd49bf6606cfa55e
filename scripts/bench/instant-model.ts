// An OpenAI-compatible model server that answers at once (for `npm run bench:chat`), in its own process so its
// work is not counted against either server under test.
import { startReplayLlmServer } from '../../tests/support/replay-llm-server.ts';

const server = await startReplayLlmServer();
server.always({ kind: 'openai', pieces: ['Hello', ' there', ', this', ' is', ' instant', '.'] });
process.stdout.write(`${JSON.stringify({ msg: 'model listening', url: server.url })}\n`);
process.on('SIGTERM', () => process.exit(0));
