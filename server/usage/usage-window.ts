import { z } from 'zod';
import { parseInput } from '../validation/parse-input.ts';

/** The UTC days a usage report covers: `days` of them, ending today; `since` is the first one's midnight. */
export interface UsageWindow {
  days: number;
  from: string;
  to: string;
  since: Date;
}

const querySchema = z.object({ days: z.coerce.number().int().min(1).max(365).default(30) });
const dayMs = 24 * 60 * 60 * 1000;

/** The window `GET /api/v1/admin/usage?days=N` asks for (1 to 365, 30 by default), as of `now`. */
export function usageWindow(query: unknown, now: Date): UsageWindow {
  const { days } = parseInput(querySchema, query, 'query');
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const since = new Date(today - (days - 1) * dayMs);
  return { days, from: dayOf(since), to: dayOf(new Date(today)), since };
}

function dayOf(date: Date) {
  return date.toISOString().slice(0, 10);
}
