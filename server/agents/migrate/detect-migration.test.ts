import { describe, expect, it } from 'vitest';
import { migrationGuides } from '../../../knowledge/migrations/migration-guides.ts';
import { compareVersions, detectMigration, versionOf } from './detect-migration.ts';
import { parseManifest } from './read-manifest.ts';

const detect = (message: string, manifestText?: string) => {
  const request = detectMigration(message, manifestText ? parseManifest(manifestText) : undefined, migrationGuides);
  return (
    request && {
      guide: request.guide?.id,
      from: request.from,
      to: request.to,
      currentVersionFrom: request.currentVersionFrom,
    }
  );
};
const expressManifest = '{ "dependencies": { "express": "^4.18.2" } }';

describe('detectMigration', () => {
  it.each([
    [
      'upgrade express from 4 to 5',
      'express-4-to-5',
      { name: 'express', version: '4' },
      { name: 'express', version: '5' },
    ],
    [
      'Express 4 → 5, what breaks?',
      'express-4-to-5',
      { name: 'express', version: '4' },
      { name: 'express', version: '5' },
    ],
    ['move from moment to date-fns', 'moment-to-date-fns', { name: 'moment' }, { name: 'date-fns' }],
    ['migrate this CommonJS to ESM', 'commonjs-to-esm', { name: 'commonjs' }, { name: 'esm' }],
    ['Python 3.8 → 3.12', 'python-runtime', { name: 'python', version: '3.8' }, { name: 'python', version: '3.12' }],
    ['jest to vitest', 'jest-to-vitest', { name: 'jest' }, { name: 'vitest' }],
    ['node 16 to 20', 'node-runtime', { name: 'node', version: '16' }, { name: 'node', version: '20' }],
    [
      'typeorm 0.3 to 1.0',
      'typeorm-0.3-to-1.0',
      { name: 'typeorm', version: '0.3' },
      { name: 'typeorm', version: '1.0' },
    ],
    [
      'we are on react 17, take us to react 18',
      'react-17-to-18',
      { name: 'react', version: '17' },
      { name: 'react', version: '18' },
    ],
    ['replace node-fetch with the native fetch', 'node-fetch-to-fetch', { name: 'node-fetch' }, { name: 'fetch' }],
    [
      'convert our callbacks to async/await',
      'callbacks-to-async-await',
      { name: 'callbacks' },
      { name: 'async/await' },
    ],
  ])('%s', (message, guide, from, to) => {
    expect(detect(message)).toMatchObject({ guide, from, to });
  });

  it('reads the current version from the manifest when the message names only the target', () => {
    expect(detect('upgrade to express 5', expressManifest)).toEqual({
      guide: 'express-4-to-5',
      from: { name: 'express', version: '4.18.2' },
      to: { name: 'express', version: '5' },
      currentVersionFrom: 'manifest',
    });
    expect(detect('please upgrade express', expressManifest)).toMatchObject({
      guide: 'express-4-to-5',
      to: { version: '5' },
    });
    expect(detect('pydantic v2 please', 'pydantic==1.10.13\nfastapi==0.99.1')).toMatchObject({
      guide: 'pydantic-1-to-2',
      from: { version: '1.10.13' },
    });
    expect(detect('upgrade python to 3.12', '[project]\nrequires-python = ">=3.8"')).toMatchObject({
      guide: 'python-runtime',
      from: { version: '3.8' },
      to: { version: '3.12' },
    });
  });

  it('takes a replacement from the manifest when the message names only the target', () => {
    expect(detect('switch us to date-fns', '{ "dependencies": { "moment": "^2.29.4" } }')).toMatchObject({
      guide: 'moment-to-date-fns',
      from: { name: 'moment', version: '2.29.4' },
    });
  });

  it('does not offer a guide for a version it does not cover, nor for a project already there', () => {
    expect(detect('upgrade express from 3 to 4')?.guide).toBeUndefined();
    expect(detect('upgrade to express 5', '{ "dependencies": { "express": "^5.1.0" } }')?.guide).toBeUndefined();
  });

  it('falls back to a generic upgrade or replacement Kiln has no guide for', () => {
    expect(detect('upgrade fastify from 4 to 5')).toEqual({
      guide: undefined,
      from: { name: 'fastify', version: '4' },
      to: { name: 'fastify', version: '5' },
      currentVersionFrom: 'message',
    });
    expect(detect('Upgrade our app from Django 3.2 to Django 5.0, what breaks?')).toMatchObject({
      guide: undefined,
      from: { name: 'django', version: '3.2' },
      to: { name: 'django', version: '5.0' },
    });
    expect(detect('migrate from mocha to node:test')).toMatchObject({
      guide: undefined,
      from: { name: 'mocha' },
      to: { name: 'node:test' },
    });
    expect(detect('bump lodash to 4.17.21', '{ "dependencies": { "lodash": "^4.17.15" } }')).toMatchObject({
      from: { version: '4.17.15' },
      currentVersionFrom: 'manifest',
    });
  });

  it('finds no migration in a message that asks for none', () => {
    expect(detect('how do I read a file line by line?')).toBeUndefined();
  });
});

describe('versions', () => {
  it('reads where a range starts and compares numerically', () => {
    expect(['^4.18.2', '>=3.8', '>=1.10,<2', '==1.4.52', '~0.3.17'].map(versionOf)).toEqual([
      '4.18.2',
      '3.8',
      '1.10',
      '1.4.52',
      '0.3.17',
    ]);
    expect(compareVersions('3.12', '3.8')).toBe(1);
    expect(compareVersions('4', '4.0.0')).toBe(0);
  });
});
