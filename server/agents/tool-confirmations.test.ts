import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../errors/not-found-error.ts';
import { ValidationError } from '../errors/validation-error.ts';
import { ToolConfirmations } from './tool-confirmations.ts';

const waitingFor = (confirmations: ToolConfirmations, signal = new AbortController().signal) =>
  confirmations.wait({ turnId: 't1', callId: 'c1', ownerId: 'u1', signal });

/** Whether the promise is still pending after the event loop has had a turn. */
async function isPending(promise: Promise<unknown>): Promise<boolean> {
  const pending = Symbol('pending');
  const first = await Promise.race([
    promise.catch(() => undefined),
    new Promise((resolve) => setImmediate(() => resolve(pending))),
  ]);
  return first === pending;
}

describe('ToolConfirmations', () => {
  it("resolves a waiting call with its owner's answer, once", async () => {
    const confirmations = new ToolConfirmations();
    const approved = waitingFor(confirmations);
    confirmations.decide('u1', 't1', 'c1', true);
    await expect(approved).resolves.toEqual({ approved: true, by: 'user' });
    expect(() => confirmations.decide('u1', 't1', 'c1', false)).toThrow(NotFoundError);

    const refused = waitingFor(confirmations);
    confirmations.decide('u1', 't1', 'c1', false);
    await expect(refused).resolves.toEqual({ approved: false, by: 'user' });
  });

  it('does not let another user answer, and the call keeps waiting for its owner', async () => {
    const confirmations = new ToolConfirmations();
    const answer = waitingFor(confirmations);
    expect(() => confirmations.decide('u2', 't1', 'c1', true)).toThrow(NotFoundError);
    expect(await isPending(answer)).toBe(true);
    confirmations.decide('u1', 't1', 'c1', false);
    await expect(answer).resolves.toEqual({ approved: false, by: 'user' });
  });

  it('does not find a call of another turn or an unknown call', () => {
    const confirmations = new ToolConfirmations();
    void waitingFor(confirmations);
    expect(() => confirmations.decide('u1', 't2', 'c1', true)).toThrow(NotFoundError);
    expect(() => confirmations.decide('u1', 't1', 'c2', true)).toThrow(NotFoundError);
  });

  it('refuses a call nobody answers in time, and then no longer finds it', async () => {
    const confirmations = new ToolConfirmations(20);
    await expect(waitingFor(confirmations)).resolves.toEqual({ approved: false, by: 'timeout' });
    expect(() => confirmations.decide('u1', 't1', 'c1', true)).toThrow(NotFoundError);
  });

  it('ends the wait with the reason when the turn stops', async () => {
    const confirmations = new ToolConfirmations();
    const controller = new AbortController();
    const answer = waitingFor(confirmations, controller.signal);
    controller.abort(new Error('stopped by the user'));
    await expect(answer).rejects.toThrow('stopped by the user');
    expect(() => confirmations.decide('u1', 't1', 'c1', true)).toThrow(NotFoundError);

    await expect(waitingFor(confirmations, controller.signal)).rejects.toThrow('stopped by the user');
  });

  it('answers from a request body { approve }, and rejects any other body with the call still waiting', async () => {
    const confirmations = new ToolConfirmations();
    const answer = waitingFor(confirmations);
    for (const body of [{}, { approve: 'yes' }, { approve: 1 }, null, 'true', { approve: true, also: 'this' }]) {
      expect(() => confirmations.answer('u1', 't1', 'c1', body)).toThrow(ValidationError);
    }
    expect(await isPending(answer)).toBe(true);
    confirmations.answer('u1', 't1', 'c1', { approve: true });
    await expect(answer).resolves.toEqual({ approved: true, by: 'user' });
  });

  it('says what is wrong with a body that is not { approve: boolean }', () => {
    const confirmations = new ToolConfirmations();
    void waitingFor(confirmations);
    expect(() => confirmations.answer('u1', 't1', 'c1', { approve: 'yes' })).toThrow(/approve must be true or false/);
  });
});
