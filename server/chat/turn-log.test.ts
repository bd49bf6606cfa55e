import { describe, expect, it } from 'vitest';
import { TurnLog } from './turn-log.ts';
import type { TurnEvent } from '../../protocol/turn-events.ts';

const newLog = () =>
  new TurnLog('turn-1', 'conversation-1', 'user-1', new AbortController(), (error) => {
    throw error;
  });
const end = {
  type: 'turn.end',
  finishReason: 'stop',
  usage: { inputTokens: 1, outputTokens: 1, costUsd: 0 },
  latency: { firstTokenMs: 1, totalMs: 2 },
} as const;

describe('TurnLog', () => {
  it('numbers events 1, 2, 3 … and stamps the turn id', () => {
    const log = newLog();
    log.append({ type: 'text.delta', delta: 'a' });
    log.append({ type: 'text.delta', delta: 'b' });
    expect(log.events.map((event) => [event.turnId, event.seq])).toEqual([
      ['turn-1', 1],
      ['turn-1', 2],
    ]);
  });

  it('replays what a late subscriber missed, then continues live, without gap or duplicate', () => {
    const log = newLog();
    for (const text of ['a', 'b', 'c']) log.append({ type: 'text.delta', delta: text });
    const seen: number[] = [];
    log.subscribe(1, (event) => seen.push(event.seq));
    log.append({ type: 'text.delta', delta: 'd' });
    log.append(end);
    expect(seen).toEqual([2, 3, 4, 5]);
  });

  it('refuses events after the final one', () => {
    const log = newLog();
    log.append(end);
    expect(() => log.append({ type: 'text.delta', delta: 'late' })).toThrow(/already ended/);
  });

  it('iterates to the final event and stops', async () => {
    const log = newLog();
    log.append({ type: 'text.delta', delta: 'a' });
    const collected: TurnEvent[] = [];
    const reading = (async () => {
      for await (const event of log.iterate(0)) collected.push(event);
    })();
    await Promise.resolve();
    log.append({ type: 'text.delta', delta: 'b' });
    log.append(end);
    await reading;
    expect(collected.map((event) => event.type)).toEqual(['text.delta', 'text.delta', 'turn.end']);
  });
});
