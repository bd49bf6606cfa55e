import { callbacksToAsyncAwait } from './guides/callbacks-to-async-await.ts';
import { commonjsToEsm } from './guides/commonjs-to-esm.ts';
import { eslint8To9 } from './guides/eslint-8-to-9.ts';
import { express4To5 } from './guides/express-4-to-5.ts';
import { jestToVitest } from './guides/jest-to-vitest.ts';
import { momentToDateFns } from './guides/moment-to-date-fns.ts';
import { nodeFetchToFetch } from './guides/node-fetch-to-fetch.ts';
import { nodeRuntime } from './guides/node-runtime.ts';
import { pydantic1To2 } from './guides/pydantic-1-to-2.ts';
import { pythonRuntime } from './guides/python-runtime.ts';
import { react17To18 } from './guides/react-17-to-18.ts';
import { setupPyToPyproject } from './guides/setup-py-to-pyproject.ts';
import { sqlalchemy14To20 } from './guides/sqlalchemy-1.4-to-2.0.ts';
import { typeorm03To10 } from './guides/typeorm-0.3-to-1.0.ts';
import { vue2To3 } from './guides/vue-2-to-3.ts';
import { migrationGuideSchema, type MigrationGuide } from './migration-guide.ts';

/** Every curated migration guide, validated (a malformed guide fails at start-up and in its test). */
export const migrationGuides: readonly MigrationGuide[] = [
  express4To5,
  nodeRuntime,
  pythonRuntime,
  commonjsToEsm,
  momentToDateFns,
  jestToVitest,
  typeorm03To10,
  react17To18,
  eslint8To9,
  pydantic1To2,
  sqlalchemy14To20,
  nodeFetchToFetch,
  setupPyToPyproject,
  vue2To3,
  callbacksToAsyncAwait,
].map((guide) => migrationGuideSchema.parse(guide));
