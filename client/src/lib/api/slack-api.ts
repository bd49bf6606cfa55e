import type { JsonRequest } from './projects-api.ts';

/** A Slack account linked to the signed-in Kiln account: its messages to the Kiln bot land in this account. */
export interface SlackLinkJson {
  teamId: string;
  slackUserId: string;
  linkedAt: string;
}

/** `GET /api/v1/slack`: whether this Kiln takes Slack messages (and how), and the caller's linked accounts. */
export interface SlackStatusJson {
  enabled: boolean;
  mode: 'events' | 'socket' | null;
  links: SlackLinkJson[];
}

/** A one-time link code: it works once, until `expiresAt` (10 minutes), sent in Slack as `command`. */
export interface SlackLinkCodeJson {
  code: string;
  expiresAt: string;
  /** The code's lifetime from now (a browser's clock may be off from the server's). */
  expiresInSeconds: number;
  command: string;
}

/** Linking Slack accounts (`/api/v1/slack`). */
export class SlackApi {
  constructor(private readonly request: JsonRequest) {}

  status() {
    return this.request<SlackStatusJson>('GET', '/slack');
  }
  /** A new link code; 409 `slack_off` when the Slack adapter is off. */
  newLinkCode() {
    return this.request<SlackLinkCodeJson>('POST', '/slack/link-codes');
  }
  /** Unlinks a Slack account; 404 when it is not linked to the caller. */
  unlink(link: Pick<SlackLinkJson, 'teamId' | 'slackUserId'>) {
    const path = `/slack/links/${encodeURIComponent(link.teamId)}/${encodeURIComponent(link.slackUserId)}`;
    return this.request<void>('DELETE', path);
  }
}
