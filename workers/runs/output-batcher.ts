import type { SandboxOutputBody } from '../../protocol/turn-events.ts';

/**
 * Gathers a run's output chunks into fewer, larger `sandbox.output` events (one per stream per flush), so a
 * program that prints line by line does not cost a database row and a notification per line. NUL, which
 * Postgres text cannot hold, becomes U+FFFD.
 *
 * stdout is held back from the first record separator (U+001E) on: that is where a test harness's report line
 * starts, and it is taken out of the output before anyone sees it (`release` hands back what was held).
 */
export class OutputBatcher {
  private pending: Record<'stdout' | 'stderr', string> = { stdout: '', stderr: '' };
  private held = '';

  add(stream: 'stdout' | 'stderr', chunk: string) {
    const text = chunk.replaceAll('\u0000', '\uFFFD');
    if (stream === 'stdout' && (this.held || text.includes('\u001e'))) {
      const at = this.held ? 0 : text.indexOf('\u001e');
      this.pending.stdout += text.slice(0, at);
      this.held += text.slice(at);
      return;
    }
    this.pending[stream] += text;
  }

  get size() {
    return this.pending.stdout.length + this.pending.stderr.length;
  }

  /** The events for what was added since the last flush, stdout first. */
  flush(): SandboxOutputBody[] {
    const events: SandboxOutputBody[] = [];
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.pending[stream]) events.push({ type: 'sandbox.output', stream, chunk: this.pending[stream] });
      this.pending[stream] = '';
    }
    return events;
  }

  /** stdout held back since the first record separator, and no longer held. */
  release(): string {
    const held = this.held;
    this.held = '';
    return held;
  }
}
