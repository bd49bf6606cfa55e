import type { MigrationGuideInput } from '../migration-guide.ts';

export const pythonRuntime: MigrationGuideInput = {
  id: 'python-runtime',
  title: 'Python upgrade (3.8 to 3.12)',
  summary:
    'Moving code from an older Python 3 to 3.12: the modules and aliases removed on the way, and how to bring virtual environments, compiled dependencies and CI along.',
  ecosystem: 'runtime',
  from: { name: 'python', aliases: ['python', 'python3', 'cpython'], version: '3.8' },
  to: { name: 'python', aliases: ['python', 'python3', 'cpython'], version: '3.12' },
  packages: ['python'],
  changes: [
    {
      since: '3.9',
      change: '`base64.encodestring()` and `decodestring()` are removed.',
      action: 'Use `base64.encodebytes()` and `decodebytes()`.',
      find: 'base64\\.(en|de)codestring',
    },
    {
      since: '3.9',
      change: '`Thread.isAlive()` is removed.',
      action: 'Use `Thread.is_alive()`.',
      find: '\\.isAlive\\(',
    },
    {
      since: '3.9',
      change: '`array.array.tostring()` and `fromstring()` are removed.',
      action: 'Use `tobytes()` and `frombytes()`.',
      find: '\\.(tostring|fromstring)\\(',
    },
    {
      since: '3.10',
      change:
        'The abstract base class aliases in `collections` (`collections.Mapping`, `collections.Iterable`, …) are removed.',
      action: 'Import them from `collections.abc`.',
      find: 'collections\\.(Mapping|MutableMapping|Sequence|MutableSequence|Iterable|Iterator|Callable|Set|MutableSet|Hashable|Sized|Container)\\b',
    },
    {
      since: '3.10',
      change:
        "The `loop` parameter of asyncio's high-level APIs (`asyncio.sleep`, `Queue`, `Lock`, `gather`, …) is removed.",
      action: 'Drop the argument; use `asyncio.run()` and the running loop.',
      find: 'loop *= *(loop|asyncio\\.get_event_loop)',
    },
    {
      since: '3.11',
      change: 'The `@asyncio.coroutine` decorator is removed.',
      action: 'Write `async def` coroutines.',
      find: 'asyncio\\.coroutine',
    },
    {
      since: '3.11',
      change: '`inspect.getargspec()` is removed.',
      action: 'Use `inspect.signature()` or `inspect.getfullargspec()`.',
      find: 'getargspec\\(',
    },
    {
      since: '3.12',
      change: '`distutils` is removed (PEP 632).',
      action: 'Use setuptools (or packaging for versions); build with `python -m build`.',
      find: '(import|from) distutils',
    },
    {
      since: '3.12',
      change: 'The `imp`, `asynchat`, `asyncore` and `smtpd` modules are removed.',
      action: 'Use `importlib`, `asyncio`, and aiosmtpd instead.',
      find: '(import|from) (imp|asynchat|asyncore|smtpd)\\b',
    },
    {
      since: '3.12',
      change:
        'Deprecated `unittest` method aliases are removed (`assertEquals`, `assertNotEquals`, `assert_`, `failUnless`, `assertRegexpMatches`, …).',
      action: 'Use the current names (`assertEqual`, `assertNotEqual`, `assertTrue`, `assertRegex`).',
      find: 'assertEquals|assertNotEquals|assert_\\(|failUnless|failIf|assertRegexpMatches|assertDictContainsSubset',
    },
    {
      since: '3.12',
      change: '`configparser.SafeConfigParser`, `ssl.wrap_socket()` and `locale.format()` are removed.',
      action: 'Use `ConfigParser`, `SSLContext.wrap_socket()` and `locale.format_string()`.',
      find: 'SafeConfigParser|ssl\\.wrap_socket|locale\\.format\\(',
    },
    {
      since: '3.12',
      change: '`venv` no longer installs setuptools into new environments.',
      action: 'Add setuptools to the requirements of code that imports `setuptools` or `pkg_resources` at run time.',
      find: 'pkg_resources|import setuptools',
    },
    {
      since: '3.12',
      change: '`datetime.utcnow()` and `utcfromtimestamp()` are deprecated (they return naive datetimes).',
      action: 'Use `datetime.now(timezone.utc)` and `datetime.fromtimestamp(ts, timezone.utc)`.',
      find: 'utcnow\\(|utcfromtimestamp\\(',
    },
  ],
  steps: [
    {
      action:
        'Install the new Python and create a fresh virtual environment with it (never upgrade an environment in place).',
      check: '`python --version` inside the environment shows the target.',
    },
    {
      action:
        'Reinstall the dependencies; upgrade those without wheels for the new version (compiled packages such as numpy need a release that supports it).',
      check:
        '`python -m pip install -r requirements.txt` (or your lock tool) finishes without building from source unexpectedly, and `python -m pip check` reports no conflicts.',
    },
    {
      action: 'Run the tests with deprecation warnings turned into errors.',
      check: '`python -W error::DeprecationWarning -m pytest` (or `-m unittest`) passes.',
    },
    {
      action: 'Update `requires-python`, the CI matrix, tox/nox settings and the Docker base image.',
      check: '`git grep -nE "python:?3\\.[0-9]+|python_requires|requires-python"` shows the new version only.',
    },
  ],
  codemods: [
    {
      command: 'ruff check --select UP --target-version py312 --fix .',
      does: 'rewrites outdated syntax and imports for the target version (pyupgrade rules)',
    },
  ],
  risks: [
    'Compiled dependencies that have no release for the new Python block the upgrade: check them first.',
    'Removed modules imported by your dependencies, not by you: they fail at import time, so import every module in a test.',
  ],
  patterns: ['py-timezone-aware-datetimes', 'py-asyncio-bounded-gather'],
  sourceFiles: ['py'],
  references: [
    'https://docs.python.org/3/whatsnew/3.12.html',
    'https://docs.python.org/3/whatsnew/3.11.html',
    'https://docs.python.org/3/whatsnew/3.10.html',
    'https://docs.python.org/3/whatsnew/3.9.html',
  ],
};
