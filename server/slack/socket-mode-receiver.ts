import type { App, Receiver } from '@slack/bolt';
import { LogLevel, SocketModeClient } from '@slack/socket-mode';
import type { Logger } from 'pino';
import { slackLogger } from './slack-logger.ts';

/**
 * Bolt's receiver for Socket Mode: Kiln dials Slack over a WebSocket (`@slack/socket-mode`, which reconnects on
 * Slack's `disconnect` frames and on lost pings). Written here rather than Bolt's SocketModeReceiver because that
 * one does not pass Web API options to its client, so `apps.connections.open` would ignore SLACK_API_URL.
 * Event envelopes are acknowledged first, before any work; commands and interactions when their listener acks
 * (with its reply, if any).
 */
export class SocketModeReceiver implements Receiver {
  readonly client: SocketModeClient;
  private app: App | undefined;

  constructor(options: { appToken: string; apiUrl: string; log: Logger }) {
    this.client = new SocketModeClient({
      appToken: options.appToken,
      logger: slackLogger(options.log),
      logLevel: LogLevel.WARN,
      clientOptions: { slackApiUrl: options.apiUrl },
    });
    this.client.on(
      'slack_event',
      async (envelope: {
        ack: (response?: Record<string, unknown>) => Promise<void>;
        type: string;
        body: Record<string, unknown>;
        retry_num?: number;
        retry_reason?: string;
      }) => {
        const once = onceOnly(envelope.ack);
        if (envelope.type === 'events_api') await once();
        await this.app
          ?.processEvent({
            body: envelope.body,
            ack: async (reply?: unknown) =>
              once(
                reply === undefined || reply === ''
                  ? undefined
                  : typeof reply === 'string'
                    ? { text: reply }
                    : (reply as Record<string, unknown>),
              ),
            ...(envelope.retry_num !== undefined ? { retryNum: envelope.retry_num } : {}),
            ...(envelope.retry_reason ? { retryReason: envelope.retry_reason } : {}),
          })
          .catch((error: unknown) => options.log.error({ err: error }, 'handling a Slack event failed'));
        await once();
      },
    );
  }

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {
    await this.client.start();
  }

  async stop(): Promise<void> {
    await this.client.disconnect();
  }
}

function onceOnly(ack: (response?: Record<string, unknown>) => Promise<void>) {
  let done = false;
  return async (response?: Record<string, unknown>) => {
    if (done) return;
    done = true;
    await ack(response);
  };
}
