import { z } from 'zod';
import type { ToolConfirmationRequest } from '../../protocol/socket-events.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { parseInput } from '../validation/parse-input.ts';

const confirmationSchema = z
  .object({ approve: z.boolean({ message: 'must be true or false' }) })
  .strict() satisfies z.ZodType<ToolConfirmationRequest>;

export interface ConfirmationRequest {
  turnId: string;
  callId: string;
  /** Only this user may answer. */
  ownerId: string;
  signal: AbortSignal;
}

export interface ConfirmationAnswer {
  approved: boolean;
  by: 'user' | 'timeout';
}

/** How an agent asks the user to confirm a tool call that may write; resolves when they answer or time runs out. */
export type ConfirmTool = (request: ConfirmationRequest) => Promise<ConfirmationAnswer>;

interface Waiting {
  ownerId: string;
  resolve(answer: ConfirmationAnswer): void;
}

/**
 * Tool calls waiting for their user's yes or no, held by the process that runs the turn. A call nobody answers
 * within `timeoutMs` is refused (`by: 'timeout'`); a turn that stops ends its wait with the abort reason.
 * Another user's call, an unknown one or one already answered is not found.
 */
export class ToolConfirmations {
  private readonly waiting = new Map<string, Waiting>();

  constructor(private readonly timeoutMs = 5 * 60_000) {}

  readonly wait: ConfirmTool = ({ turnId, callId, ownerId, signal }) => {
    const key = keyOf(turnId, callId);
    return new Promise<ConfirmationAnswer>((resolve, reject) => {
      signal.throwIfAborted();
      const timer = setTimeout(() => settle({ approved: false, by: 'timeout' }), this.timeoutMs);
      timer.unref();
      const onAbort = () => {
        this.waiting.delete(key);
        clearTimeout(timer);
        reject(signal.reason);
      };
      const settle = (answer: ConfirmationAnswer) => {
        this.waiting.delete(key);
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        resolve(answer);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.set(key, { ownerId, resolve: settle });
    });
  };

  /** Answers a waiting call of this user's turn from a request body (`{ approve }`). */
  answer(userId: string, turnId: string, callId: string, input: unknown): void {
    this.decide(userId, turnId, callId, parseInput(confirmationSchema, input, 'confirmation').approve);
  }

  /** Answers a waiting call of this user's turn. */
  decide(userId: string, turnId: string, callId: string, approved: boolean): void {
    const waiting = this.waiting.get(keyOf(turnId, callId));
    if (!waiting || waiting.ownerId !== userId) throw new NotFoundError('Tool call waiting for confirmation');
    waiting.resolve({ approved, by: 'user' });
  }
}

const keyOf = (turnId: string, callId: string) => `${turnId}\u0000${callId}`;
