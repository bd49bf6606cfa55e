/**
 * What runtimes print when an allocation fails under RLIMIT_DATA or RLIMIT_AS: Node ("FATAL ERROR: ...
 * JavaScript heap out of memory", "Fatal process out of memory", "RangeError: Array buffer allocation failed"),
 * Python (MemoryError), C++ (std::bad_alloc) and C programs through strerror(ENOMEM).
 */
const outOfMemoryMessages = new RegExp(
  [
    'JavaScript heap out of memory',
    'Fatal process out of memory',
    'Fatal process OOM',
    'Array buffer allocation failed',
    '\\bMemoryError\\b',
    'std::bad_alloc',
    'Cannot allocate memory',
  ].join('|'),
);

/** How much of the end of stderr is searched: Node prints its native stack trace (~2 KB) after the message. */
const tailCharacters = 8192;

/**
 * Decides whether a run failed for lack of memory. Rlimits have no out-of-memory event (cgroups would), so the
 * rule is: the run failed (non-zero exit or a signal), Kiln did not kill it (timeout, output, abort), and the end
 * of its stderr carries a runtime's out-of-memory message. A program that dies of a failed allocation without
 * saying so (a C program dereferencing NULL) is a plain failure; one that prints such a message and fails is
 * taken at its word.
 */
export class OutOfMemoryWatch {
  private tail = '';

  observe(stderr: string) {
    this.tail = (this.tail + stderr).slice(-tailCharacters);
  }

  verdict(exit: { exitCode: number | null; signal: string | null }, killedByKiln: boolean): boolean {
    const failed = exit.signal !== null || exit.exitCode !== 0;
    return failed && !killedByKiln && outOfMemoryMessages.test(this.tail);
  }
}
