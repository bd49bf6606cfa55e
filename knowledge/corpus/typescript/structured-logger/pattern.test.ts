import { describe, expect, it } from 'vitest';
import { createLogger } from './pattern.ts';

function capture() {
  const lines: string[] = [];
  return { destination: { write: (line: string) => lines.push(line) }, lines, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}
const now = () => new Date('2024-05-01T12:00:00.000Z');

describe('createLogger', () => {
  it('writes one JSON object per line with time, level, msg and fields', () => {
    const out = capture();
    createLogger({ destination: out.destination, now }).info('user signed in', { userId: 42 });
    expect(out.lines).toEqual(['{"userId":42,"time":"2024-05-01T12:00:00.000Z","level":"info","msg":"user signed in"}\n']);
  });

  it('drops lines below the level', () => {
    const out = capture();
    const log = createLogger({ destination: out.destination, level: 'warn', now });
    log.debug('noise');
    log.info('noise');
    log.warn('careful');
    log.error('broken');
    expect(out.parsed().map((line) => line.level)).toEqual(['warn', 'error']);
  });

  it('child loggers add bindings without changing the parent', () => {
    const out = capture();
    const root = createLogger({ destination: out.destination, bindings: { service: 'api' }, now });
    const request = root.child({ requestId: 'r-1' });
    request.child({ userId: 7 }).info('loaded');
    root.info('idle');
    expect(out.parsed()).toMatchObject([
      { service: 'api', requestId: 'r-1', userId: 7, msg: 'loaded' },
      { service: 'api', msg: 'idle' },
    ]);
    expect(out.parsed()[1]).not.toHaveProperty('requestId');
  });

  it('serializes errors with their cause, and survives cycles and BigInt', () => {
    const out = capture();
    const cycle: Record<string, unknown> = { name: 'loop' };
    cycle.self = cycle;
    const error = Object.assign(new Error('db down', { cause: new Error('ECONNREFUSED') }), { code: 'E_DB' });
    createLogger({ destination: out.destination, now }).error('query failed', { err: error, cycle, rows: 10n });
    const [line] = out.parsed();
    expect(line).toMatchObject({ err: { name: 'Error', message: 'db down', code: 'E_DB', cause: { message: 'ECONNREFUSED' } }, cycle: { name: 'loop', self: '[Circular]' }, rows: '10' });
    expect((line?.err as { stack: string }).stack).toContain('db down');
  });

  it('does not let fields overwrite level, msg or time', () => {
    const out = capture();
    createLogger({ destination: out.destination, now }).warn('real', { level: 'debug', msg: 'fake' });
    expect(out.parsed()[0]).toMatchObject({ level: 'warn', msg: 'real' });
  });
});
