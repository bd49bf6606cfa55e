import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appConfigSchema, ConfigError, loadConfig } from './pattern.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'config-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function configFile(name: string, contents: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, contents);
  return file;
}

describe('loadConfig', () => {
  it('parses a valid file and fills in defaults', async () => {
    const file = await configFile('ok.json', JSON.stringify({ port: 8080, allowedOrigins: ['https://example.com'] }));
    await expect(loadConfig(file, appConfigSchema)).resolves.toEqual({
      host: '127.0.0.1',
      port: 8080,
      logLevel: 'info',
      allowedOrigins: ['https://example.com'],
    });
  });

  it('accepts a file that starts with a byte order mark', async () => {
    const file = await configFile('bom.json', '\uFEFF{"logLevel":"debug"}');
    await expect(loadConfig(file, appConfigSchema)).resolves.toMatchObject({ logLevel: 'debug' });
  });

  it('uses defaults for a missing optional file, and fails for a required one', async () => {
    const missing = path.join(dir, 'missing.json');
    await expect(loadConfig(missing, appConfigSchema, { optional: true })).resolves.toMatchObject({ port: 3000 });
    await expect(loadConfig(missing, appConfigSchema)).rejects.toThrow(`Config file ${missing}: not found`);
  });

  it('reports a syntax error with the file name', async () => {
    const file = await configFile('broken.json', '{ "port": 8080, }');
    const error = await loadConfig(file, appConfigSchema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).file).toBe(file);
    expect((error as ConfigError).message).toMatch(/is not valid JSON/);
  });

  it('lists every invalid field, including unknown keys', async () => {
    const file = await configFile('bad.json', JSON.stringify({ port: '8080', logLevel: 'loud', prot: 1 }));
    const message = await loadConfig(file, appConfigSchema).catch((e: Error) => e.message);
    expect(message).toContain('is invalid');
    expect(message).toMatch(/at port/);
    expect(message).toMatch(/at logLevel/);
    expect(message).toContain('prot');
  });
});
