import { findError } from '../../../knowledge/errors/find-error.ts';
import { extractCode, fencedBlocks, type RunnableCode } from './extract-code.ts';

/** Asking to run what was pasted: "run this", "test it", "execute the script", "does this work?". */
const runRequest =
  /\b(run|execute|test)\s+(this|it|that|these|them|the (code|script|program|function|snippet|tests?)|my (code|script|program|function))\b|\bdoes (this|it) (work|pass|run)\b|^\s*(please\s+)?(run|execute|test)\b/im;

/**
 * "Run this" / "test this" on code the user pasted: a message with a runnable fenced block whose own words
 * (outside the blocks) ask to run or test it, and that does not paste an error to explain (the debug agent's
 * job). Undefined for anything else.
 */
export function pastedRun(message: string): RunnableCode | undefined {
  if (fencedBlocks(message).length === 0) return undefined;
  const words = message.replace(/(`{3,}|~{3,})[\s\S]*?(\1|$)/g, ' ');
  if (!runRequest.test(words) || /\bwhen I run\b/i.test(words) || findError(words)) return undefined;
  return extractCode(message);
}
