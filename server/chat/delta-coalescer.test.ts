import { describe, expect, it } from 'vitest';
import { DeltaCoalescer, type Timers } from './delta-coalescer.ts';
import type { TurnEventBody } from '../../protocol/turn-events.ts';

/** A clock and timers the test moves by hand. */
function manualTimers() {
  let now = 1_000;
  let pending: { at: number; callback: () => void } | undefined;
  const timers: Timers = {
    now: () => now,
    setTimeout: (callback, milliseconds) => (pending = { at: now + milliseconds, callback }),
    clearTimeout: () => (pending = undefined),
  };
  const advance = (milliseconds: number) => {
    now += milliseconds;
    if (pending && pending.at <= now) {
      const { callback } = pending;
      pending = undefined;
      callback();
    }
  };
  return { timers, advance };
}

const delta = (text: string): TurnEventBody => ({ type: 'text.delta', delta: text });

describe('DeltaCoalescer', () => {
  it('sends the first delta at once, then one batch per 16 ms window', () => {
    const { timers, advance } = manualTimers();
    const emitted: TurnEventBody[] = [];
    const coalescer = new DeltaCoalescer((body) => emitted.push(body), 16, timers);

    coalescer.push(delta('Hel'));
    expect(emitted).toEqual([delta('Hel')]);
    coalescer.push(delta('lo'));
    coalescer.push(delta(', '));
    advance(10);
    coalescer.push(delta('wor'));
    expect(emitted).toHaveLength(1);
    advance(6);
    expect(emitted).toEqual([delta('Hel'), delta('lo, wor')]);
    advance(100);
    coalescer.push(delta('ld'));
    expect(emitted.at(-1)).toEqual(delta('ld'));
  });

  it('flushes pending text before any other event, keeping order', () => {
    const { timers } = manualTimers();
    const emitted: TurnEventBody[] = [];
    const coalescer = new DeltaCoalescer((body) => emitted.push(body), 16, timers);
    coalescer.push(delta('a'));
    coalescer.push(delta('b'));
    coalescer.push({ type: 'retrieval', citations: [] });
    coalescer.push(delta('c'));
    coalescer.flush();
    expect(emitted.map((body) => (body.type === 'text.delta' ? body.delta : body.type))).toEqual([
      'a',
      'b',
      'retrieval',
      'c',
    ]);
  });

  it('drops empty deltas', () => {
    const emitted: TurnEventBody[] = [];
    const coalescer = new DeltaCoalescer((body) => emitted.push(body), 16, manualTimers().timers);
    coalescer.push(delta(''));
    coalescer.flush();
    expect(emitted).toEqual([]);
  });
});
