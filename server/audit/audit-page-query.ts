import { z } from 'zod';
import { auditActions } from '../../protocol/audit.ts';
import { parseInput } from '../validation/parse-input.ts';
import type { AuditPageQuery } from './audit-trail.ts';

const querySchema = z.object({
  action: z.enum(auditActions, { message: `must be one of ${auditActions.join(', ')}` }).optional(),
  userId: z.uuid({ message: 'must be a user id' }).optional(),
  // An entry id as this API returned it: a bigserial, so at most 18 digits keeps it inside Postgres' bigint.
  before: z
    .string()
    .regex(/^[1-9][0-9]{0,17}$/, 'is not a cursor this API returned')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** `GET /api/v1/admin/audit`'s query string, checked: anything else (a crafted cursor too) is a 400, never a 500. */
export function parseAuditPageQuery(query: unknown): AuditPageQuery {
  const { action, userId, before, limit } = parseInput(querySchema, query, 'query');
  return { action, userId, before, limit };
}
