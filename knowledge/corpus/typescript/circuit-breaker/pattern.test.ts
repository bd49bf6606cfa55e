import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CircuitBreaker, CircuitOpenError } from './pattern.ts';

const fail = () => Promise.reject(new Error('503'));
const succeed = () => Promise.resolve('ok');

describe('CircuitBreaker', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens after consecutive failures and then fails fast without calling', async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 3, resetTimeoutMs: 1000 });
    for (let i = 0; i < 3; i++) await expect(breaker.call(fail)).rejects.toThrow('503');
    expect(breaker.state).toBe('open');
    const service = vi.fn(succeed);
    await expect(breaker.call(service)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(service).not.toHaveBeenCalled();
  });

  it('only counts consecutive failures', async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 2 });
    await expect(breaker.call(fail)).rejects.toThrow();
    await breaker.call(succeed);
    await expect(breaker.call(fail)).rejects.toThrow();
    expect(breaker.state).toBe('closed');
  });

  it('lets one trial call through after the cool-down and closes on success', async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 1, resetTimeoutMs: 1000 });
    await expect(breaker.call(fail)).rejects.toThrow();
    vi.advanceTimersByTime(999);
    expect(breaker.state).toBe('open');
    vi.advanceTimersByTime(1);
    expect(breaker.state).toBe('half-open');

    let finishTrial!: (value: string) => void;
    const trial = breaker.call(() => new Promise<string>((resolve) => (finishTrial = resolve)));
    await expect(breaker.call(succeed)).rejects.toBeInstanceOf(CircuitOpenError);
    finishTrial('recovered');
    await expect(trial).resolves.toBe('recovered');
    expect(breaker.state).toBe('closed');
    await expect(breaker.call(succeed)).resolves.toBe('ok');
  });

  it('reopens for a full cool-down when the trial call fails', async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 3, resetTimeoutMs: 1000 });
    for (let i = 0; i < 3; i++) await expect(breaker.call(fail)).rejects.toThrow();
    vi.advanceTimersByTime(1000);
    await expect(breaker.call(fail)).rejects.toThrow('503');
    expect(breaker.state).toBe('open');
    vi.advanceTimersByTime(500);
    await expect(breaker.call(succeed)).rejects.toBeInstanceOf(CircuitOpenError);
  });

  it('does not count errors that isFailure rejects', async () => {
    const notFound = Object.assign(new Error('not found'), { status: 404 });
    const breaker = new CircuitBreaker({
      failureThreshold: 1,
      isFailure: (error) => (error as { status?: number }).status !== 404,
    });
    await expect(breaker.call(() => Promise.reject(notFound))).rejects.toBe(notFound);
    expect(breaker.state).toBe('closed');
  });
});
