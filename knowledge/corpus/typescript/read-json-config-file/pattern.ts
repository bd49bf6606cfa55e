import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/** Example schema. strictObject rejects unknown keys, so a typo like "prot" is an error, not silently ignored. */
export const appConfigSchema = z.strictObject({
  host: z.string().default('127.0.0.1'),
  port: z.number().int().min(1).max(65_535).default(3000),
  logLevel: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  allowedOrigins: z.array(z.url()).default([]),
});
export type AppConfig = z.output<typeof appConfigSchema>;

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`Config file ${file}: ${detail}`);
    this.name = 'ConfigError';
  }
}

export interface LoadConfigOptions {
  /** When the file does not exist, validate `{}` (i.e. use the schema's defaults) instead of failing. */
  optional?: boolean;
}

/** Reads and validates a JSON config file. Every problem surfaces as a ConfigError that names the file. */
export async function loadConfig<S extends z.ZodType>(file: string, schema: S, options: LoadConfigOptions = {}): Promise<z.output<S>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new ConfigError(file, (error as Error).message);
    if (!options.optional) throw new ConfigError(file, 'not found');
    text = '{}';
  }

  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, '')); // readFile keeps a byte order mark; JSON.parse rejects it
  } catch (error) {
    throw new ConfigError(file, `is not valid JSON (${(error as Error).message})`);
  }

  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(file, `is invalid:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
