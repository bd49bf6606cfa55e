import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, loadConfig, parseEnv } from './pattern.ts';

const base = { DATABASE_URL: 'postgres://app:secret@db:5432/app' };

describe('loadConfig', () => {
  it('applies defaults and converts types', () => {
    expect(loadConfig({ ...base, PATH: '/usr/bin' })).toEqual({
      NODE_ENV: 'development',
      PORT: 3000,
      DATABASE_URL: base.DATABASE_URL,
      LOG_LEVEL: 'info',
      ENABLE_SIGNUPS: false,
      ALLOWED_ORIGINS: [],
    });
  });

  it('reads numbers, booleans and lists from strings', () => {
    const config = loadConfig({ ...base, PORT: '8080', ENABLE_SIGNUPS: 'yes', ALLOWED_ORIGINS: 'https://a.example, https://b.example,' });
    expect(config.PORT).toBe(8080);
    expect(config.ENABLE_SIGNUPS).toBe(true);
    expect(config.ALLOWED_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
  });

  it('reads "false" as false, unlike Boolean("false")', () => {
    expect(loadConfig({ ...base, ENABLE_SIGNUPS: 'false' }).ENABLE_SIGNUPS).toBe(false);
    expect(loadConfig({ ...base, ENABLE_SIGNUPS: '0' }).ENABLE_SIGNUPS).toBe(false);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ ...base, PORT: '', LOG_LEVEL: '  ' })).toMatchObject({ PORT: 3000, LOG_LEVEL: 'info' });
  });

  it('lists every problem at once, without leaking values', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://root:hunter2@db/app', PORT: '70000', NODE_ENV: 'prod', ENABLE_SIGNUPS: 'maybe' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'ENABLE_SIGNUPS', 'NODE_ENV', 'PORT']);
    expect((error as Error).message).not.toContain('hunter2');
  });

  it('fails when a required variable is missing', () => {
    expect(() => loadConfig({})).toThrow(/DATABASE_URL/);
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(loadConfig(base))).toBe(true);
  });
});

describe('parseEnv', () => {
  it('works with any schema', () => {
    expect(parseEnv(z.object({ WORKERS: z.coerce.number().int().positive() }), { WORKERS: '4' })).toEqual({ WORKERS: 4 });
  });
});
