import type { AuthService } from '../auth/auth-service.ts';
import type { KilnSocketServer } from './chat-gateway.ts';

/**
 * With several servers on one database (KILN_CLUSTER=on): a session or API key revoked on one server is announced
 * on every other, so connections there that hold it (raw WebSockets following a turn) end at once rather than at
 * their next frame. Passed on through the Socket.IO adapter's server-side events.
 */
export function shareRevocations(
  io: KilnSocketServer,
  auth: Pick<AuthService, 'onSessionRevoked' | 'announceRevoked'>,
) {
  io.on('session:revoked', (sessionId) => auth.announceRevoked(sessionId, 'elsewhere'));
  return auth.onSessionRevoked((sessionId, from) => {
    if (from === 'here') io.serverSideEmit('session:revoked', sessionId);
  });
}
