/**
 * Events pushed by callbacks, read with `for await`. Unbounded: the producer here is a run whose output is
 * capped per stream, so what it can hold is bounded by the run's limits.
 */
export class EventQueue<Event> implements AsyncIterable<Event> {
  private readonly waiting: Event[] = [];
  private wake: (() => void) | undefined;
  private ended = false;
  private failure: { error: unknown } | undefined;

  push(event: Event) {
    if (this.ended) return;
    this.waiting.push(event);
    this.wake?.();
  }

  /** No more events; a reader gets the ones already pushed, then stops. */
  end() {
    this.ended = true;
    this.wake?.();
  }

  /** Ends the events with an error, thrown to the reader after the events already pushed. */
  fail(error: unknown) {
    if (this.ended) return;
    this.failure = { error };
    this.end();
  }

  async *[Symbol.asyncIterator]() {
    while (true) {
      const event = this.waiting.shift();
      if (event !== undefined) {
        yield event;
      } else if (this.ended) {
        if (this.failure) throw this.failure.error;
        return;
      } else {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
      }
    }
  }
}
