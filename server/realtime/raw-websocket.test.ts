import type { WSContext } from 'hono/ws';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthService } from '../auth/auth-service.ts';
import { UnauthenticatedError } from '../errors/unauthenticated-error.ts';
import type { ApiServices } from '../http/api-env.ts';
import { rawWebSocketHandlers } from './raw-websocket.ts';

const user = { id: 'user-1', email: 'one@example.com', name: null, role: 'member' as const, createdAt: new Date() };

/** Auth that knows one token, and a socket that records what it was sent and how it was closed. */
function connection(authorization?: string) {
  const auth: Pick<AuthService, 'authenticateSession' | 'onSessionRevoked'> = {
    authenticateSession: async (token) => {
      if (token !== 'good') throw new UnauthenticatedError();
      return { user, sessionId: 'session-1', kind: 'session', scopes: 'all' };
    },
    onSessionRevoked: () => () => {},
  };
  const handlers = rawWebSocketHandlers({
    version: 'test',
    services: { auth } as unknown as ApiServices,
    authorization,
    authTimeoutMs: 10_000,
  });
  const sent: { type: string }[] = [];
  const close = vi.fn();
  const socket = { send: (text: string) => sent.push(JSON.parse(text)), close } as unknown as WSContext;
  handlers.onOpen?.(new Event('open'), socket);
  const message = (frame: unknown) =>
    handlers.onMessage?.(new MessageEvent('message', { data: JSON.stringify(frame) }), socket);
  return { sent, close, message };
}

describe('the raw WebSocket’s authentication timeout', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('closes a connection that never authenticates, pings or not', async () => {
    const { close, message } = connection();
    await vi.advanceTimersByTimeAsync(9_000);
    message({ type: 'ping' });
    await vi.advanceTimersByTimeAsync(999);
    expect(close).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(close).toHaveBeenCalledWith(4001, 'authentication timed out');
  });

  it('keeps an authenticated connection open, and starts counting again after a failed auth', async () => {
    const { sent, close, message } = connection('Bearer good');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(close).not.toHaveBeenCalled();
    expect(sent.map((frame) => frame.type)).toEqual(['hello', 'authenticated']);

    message({ type: 'auth', token: 'bad' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(close).toHaveBeenCalledWith(4001, 'authentication timed out');
  });
});
