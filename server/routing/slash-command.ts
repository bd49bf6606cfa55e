import type { Intent } from '../../protocol/turn-events.ts';

/** The slash commands a message may start with, and the agent each one picks. */
export const slashCommands: Readonly<Record<string, Intent>> = {
  ask: 'ask',
  code: 'generate',
  generate: 'generate',
  review: 'review',
  debug: 'debug',
  migrate: 'migrate',
  tool: 'tool',
  chat: 'smalltalk',
};

export interface SlashCommand {
  /** The command as typed, lower-cased, without the slash. */
  command: string;
  intent: Intent;
  /** The message without the command. */
  text: string;
}

/**
 * The slash command at the very start of `message`, if any: `/review` followed
 * by whitespace or the end. Anything else stays a plain message, so a message
 * that starts with a path (`/tmp/x`) or an unknown word (`/foo`) is classified.
 */
export function parseSlashCommand(message: string): SlashCommand | undefined {
  const match = /^\s*\/([a-z]+)(?=\s|$)/i.exec(message);
  const command = match?.[1]?.toLowerCase();
  if (!match || !command || !Object.hasOwn(slashCommands, command)) return undefined;
  return { command, intent: slashCommands[command]!, text: message.slice(match[0].length).trim() };
}
