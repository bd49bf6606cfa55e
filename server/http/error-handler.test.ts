import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../errors/forbidden-error.ts';
import { UnavailableError } from '../errors/unavailable-error.ts';
import { ValidationError } from '../errors/validation-error.ts';
import { errorHandler } from './error-handler.ts';

function appThrowing(error: Error) {
  const lines: string[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
  const app = new Hono().use(requestId()).get('/boom', () => {
    throw error;
  });
  app.onError(errorHandler(log));
  return { app, lines };
}

describe('errorHandler', () => {
  it("turns Kiln's errors into their status with code, message and details", async () => {
    const { app } = appThrowing(
      new ValidationError('Message is too long', [{ field: 'content', message: 'at most 32000 characters' }]),
    );
    const response = await app.request('/boom');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 'invalid_request',
        message: 'Message is too long',
        details: [{ field: 'content', message: 'at most 32000 characters' }],
        requestId: response.headers.get('x-request-id'),
      },
    });
  });

  it('answers a signed-in user who may not do something with 403 and who may, without logging it', async () => {
    const { app, lines } = appThrowing(new ForbiddenError('Only an admin can retire or restore patterns.'));
    const response = await app.request('/boom');
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'forbidden',
      message: 'Only an admin can retire or restore patterns.',
    });
    expect(lines).toEqual([]);
  });

  it('answers a dependency outage with 503 and logs it', async () => {
    const { app, lines } = appThrowing(new UnavailableError('The pattern store is unavailable'));
    const response = await app.request('/boom');
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unavailable');
    expect(lines.join('')).toContain('The pattern store is unavailable');
  });

  it('hides the details of unexpected errors from the client but logs them with the request id', async () => {
    const { app, lines } = appThrowing(new Error('password=hunter2 in a connection string'));
    const response = await app.request('/boom');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('hunter2');
    expect(JSON.parse(text).error.code).toBe('internal_error');
    const logged = JSON.parse(lines.at(-1)!);
    expect(logged.requestId).toBe(response.headers.get('x-request-id'));
    expect(logged.err.message).toContain('hunter2');
  });
});
