import { describe, expect, it } from 'vitest';
import { signatureOfMessage } from '../errors/find-error.ts';
import { errorOfOutput } from './error-of-output.ts';

describe('errorOfOutput', () => {
  it("files a failed run's error under the signature the debug agent computes for it, with type and template", () => {
    const output = [
      'Traceback (most recent call last):',
      '  File "/tmp/run/main.py", line 4, in <module>',
      '    merge({}, {})',
      '  File "/tmp/run/main.py", line 2, in merge',
      '    raise ValueError("bad value 42")',
      'ValueError: bad value 42',
    ].join('\n');
    const error = errorOfOutput(output)!;
    expect(error.message).toMatch(/^ValueError: bad value /);
    expect(error.message).not.toContain('42');
    // Another value, another file: the same error.
    expect(errorOfOutput(output.replaceAll('42', '7').replaceAll('main.py', 'other.py'))).toEqual(error);
    expect(error.id).toBe(signatureOfMessage('ValueError: bad value 42').id);
  });

  it('answers undefined when nothing in the output reads as an error', () => {
    expect(errorOfOutput('3 passed\n')).toBeUndefined();
  });
});
