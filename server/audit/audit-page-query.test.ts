import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.ts';
import { parseAuditPageQuery } from './audit-page-query.ts';

describe('parseAuditPageQuery', () => {
  it('takes an action, a user id, a cursor and a limit, with 50 entries by default', () => {
    expect(parseAuditPageQuery({})).toEqual({ limit: 50 });
    expect(
      parseAuditPageQuery({
        action: 'sign-in',
        userId: '0b6c1f4e-8a9d-4e52-9a43-3f0d6c2b7e11',
        before: '42',
        limit: '10',
      }),
    ).toEqual({ action: 'sign-in', userId: '0b6c1f4e-8a9d-4e52-9a43-3f0d6c2b7e11', before: '42', limit: 10 });
  });

  it.each([
    ['a cursor that is no id', { before: 'abc' }],
    ['a negative cursor', { before: '-1' }],
    ['a cursor past bigint', { before: '9'.repeat(19) }],
    ['a date as cursor', { before: '-271821-04-20T00:00:00.000Z' }],
    ['a NUL byte', { before: '1\u0000' }],
    ['an unknown action', { action: 'sign-in\u0000' }],
    ['a user id that is no uuid', { userId: 'me' }],
    ['a limit past 200', { limit: '201' }],
  ])('refuses %s as a ValidationError (a 400)', (_, query) => {
    expect(() => parseAuditPageQuery(query)).toThrow(ValidationError);
  });
});
