import type { ErrorSignature as FoundError } from '../errors/error-signature.ts';
import { findError } from '../errors/find-error.ts';
import type { ErrorSignature } from './outcome-recorder.ts';

/** An error found in text, as learning files it: its id, and its type and template as the message. */
export function learnedSignature(found: Pick<FoundError, 'id' | 'type' | 'template'>): ErrorSignature {
  return { id: found.id, message: found.type ? `${found.type}: ${found.template}` : found.template };
}

/**
 * The error a failed run's output shows, as learning files it: the signature's id and its normalised message,
 * type and template (`TypeError: Cannot read properties of undefined (reading '<name>')`). Undefined when
 * nothing in the output reads as an error.
 */
export function errorOfOutput(output: string): ErrorSignature | undefined {
  const found = findError(output);
  return found && learnedSignature(found);
}
