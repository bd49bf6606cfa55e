import type { User } from '../../protocol/user.ts';
import { ConflictError } from '../errors/conflict-error.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { hashLinkCode, linkCodeExpiry, newLinkCode } from './link-code.ts';
import { isSlackId } from './slack-id.ts';
import type { SlackLink, SlackRepository } from './slack-repository.ts';

export interface SlackStatus {
  /** Whether this Kiln takes Slack messages at all. */
  enabled: boolean;
  mode: 'events' | 'socket' | null;
  /** The Slack accounts linked to the caller's Kiln account. */
  links: SlackLink[];
}

/**
 * The web side of linking: a signed-in user asks for a one-time code (10 minutes, one use, only its hash
 * stored) and sends `/kiln link CODE` in Slack; their Slack conversations then live in this account.
 */
export class SlackAccountLinks {
  constructor(
    private readonly repository: SlackRepository,
    private readonly mode: 'events' | 'socket' | undefined,
  ) {}

  async status(user: User): Promise<SlackStatus> {
    return { enabled: this.mode !== undefined, mode: this.mode ?? null, links: await this.repository.linksOf(user.id) };
  }

  async newCode(user: User): Promise<{ code: string; expiresAt: Date; expiresInSeconds: number; command: string }> {
    if (!this.mode) {
      throw new ConflictError(
        'slack_off',
        'The Slack adapter is off on this Kiln; an admin can turn it on (see the README, "Slack").',
      );
    }
    const code = newLinkCode();
    const expiresAt = linkCodeExpiry();
    await this.repository.saveLinkCode(user.id, hashLinkCode(code), expiresAt);
    return {
      code,
      expiresAt,
      expiresInSeconds: Math.round((expiresAt.getTime() - Date.now()) / 1000),
      command: `/kiln link ${code}`,
    };
  }

  async unlink(user: User, teamId: string, slackUserId: string): Promise<void> {
    const linked =
      isSlackId(teamId) && isSlackId(slackUserId) && (await this.repository.unlink(user.id, { teamId, slackUserId }));
    if (!linked) throw new NotFoundError('Slack link');
  }
}
