import type { MigrationGuideInput } from '../migration-guide.ts';

export const setupPyToPyproject: MigrationGuideInput = {
  id: 'setup-py-to-pyproject',
  title: 'setup.py to pyproject.toml',
  summary:
    'Moving Python packaging metadata from an executable setup.py to the declarative `[project]` table of pyproject.toml (PEP 621), and from `python setup.py` commands to standard front ends.',
  ecosystem: 'pypi',
  from: { name: 'setup.py', aliases: ['setup.py', 'setup.cfg', 'setuptools setup'] },
  to: { name: 'pyproject.toml', aliases: ['pyproject.toml', 'pyproject', 'pep 621'] },
  packages: [],
  changes: [
    {
      change: 'The build backend is declared in `[build-system]`.',
      action:
        'Add `requires = ["setuptools>=61"]` and `build-backend = "setuptools.build_meta"` (setuptools reads `[project]` from 61.0).',
    },
    {
      change:
        'Metadata arguments of `setup()` (name, version, description, `install_requires`, `extras_require`, `python_requires`, `entry_points`) become keys of `[project]`: `dependencies`, `optional-dependencies`, `requires-python`, `scripts`.',
      action:
        'Move them, then delete them from setup.py (keep setup.py only for dynamic build logic, such as C extensions).',
      find: 'install_requires|extras_require|python_requires|entry_points',
    },
    {
      change: '`python setup.py sdist bdist_wheel`, `install` and `develop` are deprecated.',
      action:
        'Build with `python -m build`; install with `pip install .`, or `pip install -e .` for development (editable installs from pyproject need setuptools 64 or later).',
      find: 'setup\\.py (sdist|bdist_wheel|install|develop|test)',
    },
    {
      change: '`setup_requires` and `tests_require` have no `[project]` equivalent.',
      action:
        'Put build-time needs in `[build-system].requires` and test needs in an optional-dependencies group such as `test`.',
      find: 'setup_requires|tests_require',
    },
  ],
  steps: [
    {
      action: 'Write the `[build-system]` and `[project]` tables, and remove the moved arguments from setup.py.',
      check: '`python -m build` builds an sdist and a wheel without warnings about missing metadata.',
    },
    {
      action: 'Compare the new wheel with the old one.',
      check:
        '`unzip -l dist/*.whl` lists the same modules and data files, and the METADATA file has the same dependencies.',
    },
    {
      action: 'Install the wheel into a clean virtual environment and run the tests against it.',
      check: '`pip install dist/*.whl` then the test suite passes, and console scripts start.',
    },
  ],
  risks: [
    'Package data and discovered packages can differ with automatic discovery: compare wheel contents before publishing.',
  ],
  sourceFiles: ['py', 'toml', 'cfg'],
  references: [
    'https://packaging.python.org/en/latest/guides/writing-pyproject-toml/',
    'https://setuptools.pypa.io/en/latest/userguide/pyproject_config.html',
  ],
};
