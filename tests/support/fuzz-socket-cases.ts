import { hostileJsonTexts, hostileStrings, hostileValue, invalidUtf8, type SeededRandom } from './fuzz-values.ts';

/** Events a Kiln socket answers with an ack (protocol/socket-events.ts `ClientToServerEvents`). */
export const ackedSocketEvents = [
  'conversation:join',
  'conversation:leave',
  'message:send',
  'message:regenerate',
  'turn:stop',
  'turn:resume',
  'session:approve',
  'tool:confirm',
] as const;

/** One Socket.IO emit. `:conversation`, `:message`, `:turn` are resolved like the HTTP cases' ids. */
export interface SocketIoCase {
  event: string;
  args: unknown[];
  /** Whether the last argument is an ack callback (a known event must then answer it). */
  ack: boolean;
}

/** A payload shaped like a real one, with some fields hostile or missing, or any value at all. */
function socketPayload(random: SeededRandom): unknown {
  if (random.chance(0.25)) return hostileValue(random);
  const payload: Record<string, unknown> = {
    conversationId: ':conversation',
    messageId: ':message',
    turnId: ':turn',
    callId: 'call-1',
    afterSeq: 0,
    content: 'hello',
    decision: 'approve',
    approve: true,
  };
  for (const field of Object.keys(payload)) {
    if (random.chance(0.3)) payload[field] = hostileValue(random);
    else if (random.chance(0.15)) delete payload[field];
  }
  return payload;
}

export function socketIoCase(random: SeededRandom): SocketIoCase {
  const known = random.chance(0.85);
  const event = known
    ? random.pick(ackedSocketEvents)
    : random.pick([
        '',
        'hello',
        'turn:event',
        'message',
        '__proto__',
        'constructor',
        'x'.repeat(2_000),
        ...hostileStrings,
      ]);
  const args: unknown[] = [socketPayload(random)];
  if (random.chance(0.1)) args.unshift(hostileValue(random));
  if (random.chance(0.05)) args.length = 0;
  if (random.chance(0.05)) args.push(Buffer.from(invalidUtf8));
  return { event, args, ack: random.chance(0.8) };
}

/** One raw WebSocket frame: text, or bytes as base64. */
export type RawFrame = string | { base64: string };

const frameTypes = ['ping', 'auth', 'message.send', 'message.regenerate', 'turn.stop', 'turn.resume'];

/** A frame for `/api/v1/ws`: a real frame type with hostile fields, or no JSON object at all. */
export function rawFrame(random: SeededRandom): RawFrame {
  switch (random.integer(0, 5)) {
    case 0:
      return random.pick(hostileJsonTexts);
    case 1:
      return random.chance(0.5)
        ? { base64: Buffer.from(invalidUtf8).toString('base64') }
        : { base64: Buffer.from(Array.from({ length: 64 }, () => random.integer(0, 255))).toString('base64') };
    case 2:
      return JSON.stringify(hostileValue(random));
    default: {
      const frame: Record<string, unknown> = {
        type: random.chance(0.9) ? random.pick(frameTypes) : hostileValue(random),
        requestId: random.chance(0.7) ? 'r1' : hostileValue(random),
        token: random.chance(0.3) ? '{token}' : hostileValue(random),
        conversationId: ':conversation',
        messageId: ':message',
        turnId: ':turn',
        content: 'hello',
        parentId: null,
        afterSeq: 0,
      };
      for (const field of Object.keys(frame)) {
        if (field !== 'type' && random.chance(0.3)) frame[field] = hostileValue(random);
      }
      return JSON.stringify(frame);
    }
  }
}
