import { describe, expect, it } from 'vitest';
import { convertKeys, splitWords, toCamelCase, toConstantCase, toKebabCase, toPascalCase, toSnakeCase, toTitleCase } from './pattern.ts';

describe('splitWords', () => {
  it('splits every common notation', () => {
    for (const input of ['userAccountId', 'UserAccountId', 'user_account_id', 'user-account-id', 'USER_ACCOUNT_ID', 'user account id', '  user__account--id  ']) {
      expect(splitWords(input).map((word) => word.toLowerCase()), input).toEqual(['user', 'account', 'id']);
    }
  });

  it('keeps acronyms and trailing digits together', () => {
    expect(splitWords('XMLHttpRequest')).toEqual(['XML', 'Http', 'Request']);
    expect(splitWords('userID')).toEqual(['user', 'ID']);
    expect(splitWords('getHTTP2Response')).toEqual(['get', 'HTTP2', 'Response']);
    expect(splitWords('base64Encode')).toEqual(['base64', 'Encode']);
    expect(splitWords('version 2')).toEqual(['version', '2']);
  });

  it('handles accented letters and empty input', () => {
    expect(splitWords('éléphantRosé')).toEqual(['éléphant', 'Rosé']);
    expect(splitWords('')).toEqual([]);
    expect(splitWords('__')).toEqual([]);
  });
});

describe('case conversions', () => {
  it('converts between notations', () => {
    expect(toCamelCase('user_account_id')).toBe('userAccountId');
    expect(toCamelCase('XMLHttpRequest')).toBe('xmlHttpRequest');
    expect(toPascalCase('user-account-id')).toBe('UserAccountId');
    expect(toSnakeCase('userID')).toBe('user_id');
    expect(toSnakeCase('XMLHttpRequest')).toBe('xml_http_request');
    expect(toKebabCase('getHTTP2Response')).toBe('get-http2-response');
    expect(toConstantCase('maxRetryCount')).toBe('MAX_RETRY_COUNT');
    expect(toTitleCase('created_at')).toBe('Created At');
  });

  it('is stable when the input is already in the target case', () => {
    expect(toCamelCase('userAccountId')).toBe('userAccountId');
    expect(toSnakeCase('user_account_id')).toBe('user_account_id');
    expect(toKebabCase('user-account-id')).toBe('user-account-id');
  });

  it('returns an empty string for input without words', () => {
    expect(toCamelCase('--')).toBe('');
  });
});

describe('convertKeys', () => {
  it('renames object keys', () => {
    expect(convertKeys({ user_id: 1, created_at: '2024-01-01' }, toCamelCase)).toEqual({ userId: 1, createdAt: '2024-01-01' });
  });
});
