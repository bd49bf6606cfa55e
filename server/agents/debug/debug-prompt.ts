import type { ErrorSignature } from '../../../knowledge/errors/error-signature.ts';
import { describeFrame } from '../../../knowledge/errors/stack-frames.ts';
import type { LikelyCause } from './likely-causes.ts';

const instructions = `You are Kiln, a coding assistant, debugging an error with a developer.
Answer in this order: what the error means; the most likely cause in their code (name the frame it was thrown at);
the fix, as a minimal code change in a fenced block with the language named; how to verify the fix.
If the trace is not enough to be sure, say which value or line to inspect and why. Never invent APIs.`;

/**
 * The system prompt a model gets for a debug turn: Kiln's parse of the error and its notes on this kind
 * of error. The patterns (fixes first) travel as grounding; `fixingCount` says how many lead the list.
 */
export function debugSystemPrompt(
  signature: ErrorSignature | undefined,
  cause: LikelyCause | undefined,
  fixingCount: number,
): string {
  if (!signature) {
    return `${instructions}\n\nKiln found no error message or stack trace in the message. If the problem cannot be diagnosed from the description, ask for the full error as printed and its stack trace.`;
  }
  const lines = [
    instructions,
    '',
    'Kiln parsed the error as:',
    `- type: ${signature.type || '(none)'} (${signature.ecosystem})${signature.code ? `, code ${signature.code}` : ''}`,
    `- message: ${signature.message}`,
    `- signature: ${signature.template}`,
    `- thrown at: ${signature.frames.length ? signature.frames.map(describeFrame).join(' <- ') : 'no frame in user code'}`,
    ...signature.details.map((detail) => `- ${detail}`),
    ...(signature.unhandledRejection ? ['- the promise rejection was unhandled'] : []),
  ];
  if (cause) {
    lines.push(
      '',
      `Kiln's notes on this kind of error: ${cause.meaning}`,
      'Usual causes:',
      ...cause.causes.map((line) => `- ${line}`),
      'Usual fixes:',
      ...cause.fixes.map((line) => `- ${line}`),
    );
  }
  if (fixingCount > 0)
    lines.push(
      '',
      `The first ${fixingCount === 1 ? 'pattern' : `${fixingCount} patterns`} below ${fixingCount === 1 ? 'is' : 'are'} recorded in Kiln's store as fixing this error.`,
    );
  return lines.join('\n');
}
