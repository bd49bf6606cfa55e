export type CircuitState = 'closed' | 'open' | 'half-open';

export class CircuitOpenError extends Error {
  override name = 'CircuitOpenError';
}

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. Default 5. */
  failureThreshold?: number;
  /** How long the circuit stays open before a trial call. Default 30 s. */
  resetTimeoutMs?: number;
  /** Errors for which this returns false count as the service answering (a success). */
  isFailure?: (error: unknown) => boolean;
}

export class CircuitBreaker {
  #state: CircuitState = 'closed';
  #failures = 0;
  #openedAt = 0;
  #trialInFlight = false;
  readonly #threshold: number;
  readonly #resetTimeoutMs: number;
  readonly #isFailure: (error: unknown) => boolean;

  constructor({ failureThreshold = 5, resetTimeoutMs = 30_000, isFailure = () => true }: CircuitBreakerOptions = {}) {
    this.#threshold = failureThreshold;
    this.#resetTimeoutMs = resetTimeoutMs;
    this.#isFailure = isFailure;
  }

  get state(): CircuitState {
    if (this.#state === 'open' && Date.now() - this.#openedAt >= this.#resetTimeoutMs) this.#state = 'half-open';
    return this.#state;
  }

  async call<T>(fn: () => Promise<T>): Promise<T> {
    const state = this.state;
    // While half-open, only one trial call goes through; the rest fail fast like when open.
    if (state === 'open' || (state === 'half-open' && this.#trialInFlight)) {
      throw new CircuitOpenError('Circuit is open; not calling the failing service');
    }
    const trial = state === 'half-open';
    if (trial) this.#trialInFlight = true;
    try {
      const result = await fn();
      this.#onSuccess();
      return result;
    } catch (error) {
      if (this.#isFailure(error)) this.#onFailure(trial);
      else this.#onSuccess();
      throw error;
    } finally {
      if (trial) this.#trialInFlight = false;
    }
  }

  #onSuccess(): void {
    this.#state = 'closed';
    this.#failures = 0;
  }

  #onFailure(trial: boolean): void {
    this.#failures++;
    if (trial || this.#failures >= this.#threshold) {
      this.#state = 'open';
      this.#openedAt = Date.now();
    }
  }
}
