import { KilnError } from './kiln-error.ts';

export interface FieldProblem {
  field: string;
  message: string;
}

/** The request is malformed; `details` lists each field and what is wrong with it. Nothing was changed. */
export class ValidationError extends KilnError {
  constructor(message: string, problems: FieldProblem[] = [], options: { cause?: unknown } = {}) {
    super('invalid_request', 400, message, { ...options, details: problems });
  }
}
