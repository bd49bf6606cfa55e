import type { RunnableCode } from './extract-code.ts';

/** The generate prompt: the format `extractCode` reads, and the module names the sandbox's tests import. */
export const codeSessionSystemPrompt = `You are Kiln, a coding assistant, writing code for the developer's request. Kiln runs your code and tests in a sandbox and shows the result.
Answer with: one sentence on the approach; the complete code in one fenced block with its language named (typescript, javascript, python or shell);
then tests for it in a second fenced block: vitest for TypeScript/JavaScript importing the code from './solution', unittest for Python importing from solution.
The sandbox has no network and no packages beyond the language's standard library (and vitest). Keep the tests fast and deterministic.
Build on the retrieved patterns when they fit: they are verified code whose tests pass. Never invent APIs.`;

/** What a model is told when its code failed: the output, the error's normalised signature, and known fixes. */
export function repairRequest(options: {
  attempt: RunnableCode;
  failure: string;
  signature: { message: string } | undefined;
  fixes: { title: string; code: string }[];
  repairsLeft: number;
}): string {
  const { attempt, failure, signature, fixes } = options;
  const lines = [
    `Kiln ran your ${attempt.language} code${attempt.tests ? ' and its tests' : ''} in the sandbox and it failed:`,
    '',
    '```text',
    failure.trim() || '(no output)',
    '```',
    '',
  ];
  if (signature) lines.push(`The error, normalised: \`${signature.message}\`.`, '');
  if (fixes.length) {
    lines.push('Patterns Kiln has on record as fixes for this error (verified code):', '');
    for (const fix of fixes) lines.push(`- ${fix.title}`, '', '```', fix.code.trimEnd(), '```', '');
  }
  lines.push(
    `Repair it (${options.repairsLeft} ${options.repairsLeft === 1 ? 'attempt' : 'attempts'} left): one sentence on what was wrong, then the whole corrected code and the whole tests, in the same two fenced blocks as before. Change the tests only if they are wrong.`,
  );
  return lines.join('\n');
}
