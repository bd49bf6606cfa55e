import { z } from 'zod';

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  // Not z.coerce.boolean(): Boolean("false") is true. stringbool reads true/false, 1/0, yes/no, on/off.
  ENABLE_SIGNUPS: z.stringbool().default(false),
  ALLOWED_ORIGINS: z
    .string()
    .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
    .default([]),
});
export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses environment variables with `schema`. Empty values count as unset (so `PORT=` in a .env file gets the
 * default rather than 0). Throws one ConfigError naming every bad variable; messages never include the values,
 * which may be secrets. Variables the schema does not mention are dropped.
 */
export function parseEnv<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): Readonly<z.output<S>> {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const result = schema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(env)'}: ${issue.message}`));
  }
  return Object.freeze(result.data);
}

/** Call once at startup and pass the result around; do not read process.env all over the code base. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Readonly<Config> {
  return parseEnv(configSchema, env);
}
