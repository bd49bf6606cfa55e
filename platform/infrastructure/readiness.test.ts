import { describe, expect, it } from 'vitest';
import { evaluateReadiness, type ReadinessCheck } from './readiness.ts';

const check = (name: string, required: boolean, run: ReadinessCheck['run']): ReadinessCheck => ({
  name,
  required,
  run,
});

describe('evaluateReadiness', () => {
  it('is ready when every required check passes, whatever the informative ones say', async () => {
    const report = await evaluateReadiness([
      check('postgres', true, async () => ({ ok: true, detail: 'up' })),
      check('sandbox', false, async () => ({ ok: false, detail: 'code execution is off' })),
    ]);
    expect(report).toEqual({
      ready: true,
      checks: { postgres: { ok: true, detail: 'up' }, sandbox: { ok: false, detail: 'code execution is off' } },
    });
  });

  it('reports a check that throws, or hangs past the timeout, as failed with the reason', async () => {
    const report = await evaluateReadiness(
      [
        check('chroma', true, async () => {
          throw new Error('connection refused');
        }),
        check('graph', true, () => new Promise(() => {})),
      ],
      50,
    );
    expect(report.ready).toBe(false);
    expect(report.checks.chroma).toEqual({ ok: false, detail: 'connection refused' });
    expect(report.checks.graph).toEqual({ ok: false, detail: 'no answer within 50 ms' });
  });
});
