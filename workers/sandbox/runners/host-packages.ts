import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The folder whose `node_modules` the host bundles and type-checks with (Kiln's own installation). Runs never
 * see it: what they use of it is bundled into their program, or only read as types.
 */
export const hostPackagesRoot = path.resolve(
  path.dirname(createRequire(import.meta.url).resolve('typescript/package.json')),
  '../..',
);
