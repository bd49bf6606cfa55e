import type { MigrationGuideInput } from '../migration-guide.ts';

export const sqlalchemy14To20: MigrationGuideInput = {
  id: 'sqlalchemy-1.4-to-2.0',
  title: 'SQLAlchemy 1.4 to 2.0',
  summary:
    'SQLAlchemy 2.0 removes implicit and library-level autocommit execution, requires `text()` for SQL strings, takes `select()` arguments positionally and makes the typed `select()` style the main ORM query API.',
  ecosystem: 'pypi',
  from: { name: 'sqlalchemy', aliases: ['sqlalchemy', 'sql alchemy'], version: '1.4' },
  to: { name: 'sqlalchemy', aliases: ['sqlalchemy', 'sql alchemy'], version: '2.0' },
  packages: ['sqlalchemy'],
  changes: [
    {
      change: '`engine.execute()` and other implicit execution are removed.',
      action: 'Execute on a connection: `with engine.connect() as conn: conn.execute(...)`.',
      find: 'engine\\.execute\\(',
    },
    {
      change: 'Plain SQL strings are not accepted by `execute()`.',
      action: 'Wrap them in `text()` and pass parameters as a dict.',
      find: '\\.execute\\( *f?["\']',
    },
    {
      change: 'Library-level autocommit is removed: nothing is committed unless you commit.',
      action: 'Call `conn.commit()`, or use `with engine.begin() as conn:` for a transaction that commits at the end.',
      find: 'autocommit',
    },
    {
      change: '`select([a, b])` with a list is removed.',
      action: 'Pass the columns positionally: `select(a, b)`.',
      find: 'select\\( *\\[',
    },
    {
      change: '`Query.get()` is replaced by `Session.get()`; the `session.query()` API is legacy.',
      action: 'Use `session.get(User, id)` and `session.execute(select(User).where(...)).scalars()`.',
      find: 'query\\([^)]*\\)\\.get\\(',
    },
    {
      change: 'Result rows are tuple-like: `row["name"]` no longer works.',
      action: 'Use `row.name` or `row._mapping["name"]`.',
      find: 'row\\[["\']',
    },
    {
      change:
        '`declarative_base()` moved to `sqlalchemy.orm`; the typed `DeclarativeBase` class with `Mapped[...]` and `mapped_column()` is the new style.',
      action: 'Import from `sqlalchemy.orm`, and adopt `Mapped` annotations when convenient.',
      find: 'sqlalchemy\\.ext\\.declarative',
    },
  ],
  steps: [
    {
      action:
        'On 1.4, run the tests with `SQLALCHEMY_WARN_20=1` and `future=True` engines/sessions, and fix every RemovedIn20Warning.',
      check: '`SQLALCHEMY_WARN_20=1 python -W error::DeprecationWarning -m pytest` passes on 1.4.',
    },
    {
      action:
        'Upgrade: `python -m pip install "sqlalchemy>=2,<3"` (and Alembic and drivers to versions that support 2.0).',
      check: '`python -c "import sqlalchemy; print(sqlalchemy.__version__)"` prints 2.x and the tests pass.',
    },
    {
      action: 'Check that writes are committed: exercise each write path against a real database.',
      check: 'Rows written in a test are visible from a second connection.',
    },
  ],
  risks: [
    'Writes that relied on autocommit silently roll back when the connection closes: test every write path, not only reads.',
  ],
  companions: [
    { name: 'alembic', note: 'use a release that supports SQLAlchemy 2.0.' },
    { name: 'flask-sqlalchemy', note: 'version 3.1 or later is built for SQLAlchemy 2.0.' },
  ],
  patterns: ['py-sqlite-parameterized-query'],
  sourceFiles: ['py'],
  references: ['https://docs.sqlalchemy.org/en/20/changelog/migration_20.html'],
};
