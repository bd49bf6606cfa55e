import type { MigrationGuideInput } from '../migration-guide.ts';

export const typeorm03To10: MigrationGuideInput = {
  id: 'typeorm-0.3-to-1.0',
  title: 'TypeORM 0.3 to 1.0',
  summary:
    'TypeORM 1.0 removes the APIs deprecated during 0.3 (Connection, global helpers, custom repositories, string find options), requires Node.js 20, and throws on null or undefined values in find conditions instead of ignoring them.',
  ecosystem: 'npm',
  from: { name: 'typeorm', aliases: ['typeorm'], version: '0.3' },
  to: { name: 'typeorm', aliases: ['typeorm'], version: '1.0' },
  packages: ['typeorm'],
  requiresRuntime: { name: 'node', version: '20' },
  changes: [
    {
      change:
        'Null and undefined values in find conditions throw by default (`invalidWhereValuesBehavior`); in 0.3 they were silently dropped, so `findBy({ id: undefined })` returned every row.',
      action:
        'Match NULL with `IsNull()`, and make sure ids are defined before querying; the old behaviour can be restored in the DataSource options while migrating.',
      find: 'find(One)?(By)?\\(',
    },
    {
      change:
        '`Connection`, `ConnectionOptions` and `createConnection()` are removed; `connection.connect()`, `close()` and `isConnected` are `dataSource.initialize()`, `destroy()` and `isInitialized`.',
      action: 'Create a `new DataSource(options)` and call `initialize()`.',
      find: 'createConnection|\\bConnection(Options)?\\b|\\.isConnected|connection\\.close\\(',
    },
    {
      change:
        'The global helpers (`getRepository`, `getManager`, `getConnection`, `getTreeRepository`, `createQueryBuilder`, …) are removed.',
      action: 'Call the methods on your DataSource instance: `dataSource.getRepository(User)`.',
      find: '\\b(getRepository|getManager|getConnection|getTreeRepository|getConnectionManager|getCustomRepository)\\(',
    },
    {
      change: '`findOneById()` and `findByIds()` are removed.',
      action: 'Use `findOneBy({ id })` and `findBy({ id: In(ids) })`.',
      find: 'findOneById|findByIds',
    },
    {
      change: '`@EntityRepository`, `AbstractRepository` and `getCustomRepository` are removed.',
      action: 'Build custom repositories with `dataSource.getRepository(Entity).extend({ … })`.',
      find: '@EntityRepository|AbstractRepository',
    },
    {
      change: 'String-array `select` and `relations` find options and the `join` option are removed.',
      action: 'Use the object syntax (`relations: { profile: true }`); use the QueryBuilder for inner joins.',
      find: '(select|relations): *\\[|join: *\\{',
    },
    {
      change:
        'Configuration through `TYPEORM_*` environment variables and `ormconfig.env` is removed, and `.env` files are no longer loaded.',
      action: 'Export the DataSource options from a TypeScript or JavaScript file.',
      find: 'TYPEORM_',
    },
    {
      change: '`InsertQueryBuilder.onConflict()` with raw SQL is removed.',
      action: 'Use `orIgnore()` or `orUpdate(columns, conflictTarget)`.',
      find: '\\.onConflict\\(',
    },
    {
      change: 'Relations with `nullable: false` are loaded with INNER JOIN instead of LEFT JOIN.',
      action: 'Rows whose foreign key points nowhere disappear from results: check data integrity first.',
      find: 'nullable: *false',
    },
    {
      change: '`Repository.exist()` is `exists()`; the `readonly` column option is `update: false`.',
      action: 'Rename them.',
      find: '\\.exist\\(|readonly: *true',
    },
  ],
  steps: [
    {
      action: 'Move to Node.js 20 or newer (and TypeScript 5.2+ if you use `await using` with query runners).',
      check: '`node --version` shows 20 or later in CI and production.',
    },
    {
      action: 'Install TypeORM 1: `npm install typeorm@1`, and resolve the TODO comments the codemod left.',
      check: "`npm ls typeorm` shows 1.x, and the codemod's TODO comments are gone from the diff.",
    },
    {
      action: 'Run the migrations on a copy of production data and compare query results of the main screens.',
      check: '`typeorm migration:show -d <data-source>` lists no pending migrations, and the compared results match.',
    },
  ],
  codemods: [
    {
      command: 'npx @typeorm/codemod v1 src/',
      does: 'renames imports, replaces removed APIs and find option syntax; leaves TODO comments for what it cannot change (use --dry to preview)',
    },
  ],
  risks: [
    'Queries that passed undefined values now throw at run time instead of returning too much: exercise every code path that queries by optional input.',
    'Driver packages changed: MySQL needs mysql2, SQLite needs better-sqlite3.',
    'Frameworks with their own TypeORM integration (such as @nestjs/typeorm) need a version that supports 1.0.',
  ],
  companions: [
    { name: 'mysql', note: 'no longer supported by TypeORM 1.0: replace it with mysql2.' },
    { name: 'sqlite3', note: 'no longer supported by TypeORM 1.0: use better-sqlite3 (type "better-sqlite3").' },
    { name: '@nestjs/typeorm', note: 'check that your version supports TypeORM 1.0 before upgrading.' },
  ],
  patterns: ['ts-parameterized-sql-query', 'ts-sql-transaction'],
  sourceFiles: ['ts', 'js'],
  references: [
    'https://typeorm.io/docs/releases/1.0/upgrading-from-0.3/',
    'https://typeorm.io/docs/releases/1.0/release-notes',
  ],
};
