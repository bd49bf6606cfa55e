import { expect } from 'vitest';

/**
 * Parses a Server-Sent Events body into its events (turn or run events), checking that each frame's `id` is the
 * event's `seq` and its `event` name the event's type.
 */
export function parseSse<Event extends { seq: number; type: string }>(body: string): Event[] {
  return body
    .split('\n\n')
    .filter((frame) => frame.startsWith('id:'))
    .map((frame) => {
      const fields = Object.fromEntries(
        frame.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
      );
      const event = JSON.parse(fields.data!) as Event;
      expect(Number(fields.id)).toBe(event.seq);
      expect(fields.event).toBe(event.type);
      return event;
    });
}
