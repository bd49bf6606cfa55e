import type { RunDiagnostic, RunEvent, RunRequest, RunResult } from '$protocol/runs.ts';
import { ApiError } from '../api/api-error.ts';
import type { KilnApi } from '../api/kiln-api.ts';

/**
 * One run of a code block, as the UI shows it: its status, its output as it streams, the diagnostics and the
 * verdict. A stream cut before the verdict resumes from the last event seen (Last-Event-ID).
 */
export class CodeRun {
  status = $state<'starting' | 'queued' | 'running' | 'done' | 'error'>('starting');
  /** stdout and stderr interleaved as they came, for one output pane. */
  output = $state<{ stream: 'stdout' | 'stderr'; text: string }[]>([]);
  diagnostics = $state<RunDiagnostic[]>([]);
  result = $state<RunResult | null>(null);
  error = $state<string | null>(null);
  private runId: string | undefined;
  private lastSeq = 0;

  constructor(
    private readonly api: KilnApi,
    readonly request: RunRequest,
  ) {}

  async start(signal?: AbortSignal): Promise<void> {
    try {
      for (let attempt = 0; attempt < 5 && !this.finished; attempt += 1) {
        const events = this.runId
          ? this.api.runEvents(this.runId, this.lastSeq, signal)
          : this.api.startRun(this.request, signal);
        for await (const event of events) this.apply(event);
      }
      if (!this.finished) this.fail('The run’s progress was lost; open the run again later.');
    } catch (error) {
      if (signal?.aborted) return;
      this.fail(error instanceof ApiError ? error.message : 'Kiln cannot be reached; check your connection.');
    }
  }

  private get finished() {
    return this.status === 'done' || this.status === 'error';
  }

  private apply(event: RunEvent) {
    if (event.seq <= this.lastSeq) return;
    this.runId = event.runId;
    this.lastSeq = event.seq;
    switch (event.type) {
      case 'run.status':
        this.status = event.status;
        return;
      case 'run.diagnostics':
        this.diagnostics = event.diagnostics;
        return;
      case 'sandbox.output': {
        const last = this.output.at(-1);
        if (last?.stream === event.stream) last.text += event.chunk;
        else this.output.push({ stream: event.stream, text: event.chunk });
        return;
      }
      case 'sandbox.result': {
        const { type: _type, runId: _runId, seq: _seq, ...result } = event;
        this.result = { truncated: false, ...result };
        this.status = 'done';
        return;
      }
      case 'run.error':
        this.fail(event.message);
        return;
    }
  }

  private fail(message: string) {
    this.error = message;
    this.status = 'error';
  }
}
