import { describe, expect, it } from 'vitest';
import { manifestInMessage, manifestPathIn, parseManifest } from './read-manifest.ts';

describe('manifestInMessage', () => {
  it('reads a pasted package.json: dependencies, dev dependencies, engines and module type', () => {
    const manifest = manifestInMessage(`Upgrade to express 5 please:
\`\`\`json
{
  "name": "shop",
  "type": "module",
  "engines": { "node": ">=16" },
  "dependencies": { "express": "^4.18.2", "@types/express": "^4.17.21" },
  "devDependencies": { "vitest": "^1.6.0" }
}
\`\`\``);
    expect(manifest).toEqual({
      kind: 'package.json',
      dependencies: [
        { name: 'express', version: '^4.18.2', dev: false },
        { name: '@types/express', version: '^4.17.21', dev: false },
        { name: 'vitest', version: '^1.6.0', dev: true },
      ],
      runtime: { name: 'node', version: '>=16' },
      moduleType: 'module',
    });
  });

  it('reads an excerpt of package.json without the outer braces', () => {
    const manifest = manifestInMessage('```\n"dependencies": {\n  "moment": "^2.29.4",\n},\n```');
    expect(manifest?.dependencies).toEqual([{ name: 'moment', version: '^2.29.4', dev: false }]);
  });

  it('reads requirements.txt with extras, markers and comments', () => {
    const manifest = manifestInMessage(`\`\`\`
# web
flask==2.0.1
pydantic[email]>=1.10,<2  # models
requests ; python_version < "3.12"
-r dev.txt
\`\`\``);
    expect(manifest).toEqual({
      kind: 'requirements.txt',
      dependencies: [
        { name: 'flask', version: '==2.0.1', dev: false },
        { name: 'pydantic', version: '>=1.10,<2', dev: false },
      ],
    });
  });

  it('keeps unpinned requirements when the block says it is requirements.txt', () => {
    expect(
      manifestInMessage('```requirements.txt\nrequests\nflask==3.0.0\n```')?.dependencies.map(
        (dependency) => dependency.name,
      ),
    ).toEqual(['requests', 'flask']);
  });

  it('reads pyproject.toml: PEP 621 and Poetry', () => {
    expect(
      manifestInMessage(`\`\`\`toml
[project]
name = "api"
requires-python = ">=3.8"
dependencies = [
  "pydantic>=1.10,<2",
  "sqlalchemy==1.4.52",
]

[tool.ruff]
line-length = 100
\`\`\``),
    ).toEqual({
      kind: 'pyproject.toml',
      dependencies: [
        { name: 'pydantic', version: '>=1.10,<2', dev: false },
        { name: 'sqlalchemy', version: '==1.4.52', dev: false },
      ],
      runtime: { name: 'python', version: '>=3.8' },
    });
    expect(
      parseManifest(`[tool.poetry.dependencies]
python = "^3.8"
fastapi = "^0.95"
pydantic = { version = "^1.10", extras = ["email"] }

[tool.poetry.group.dev.dependencies]
pytest = "^7.4"`),
    ).toEqual({
      kind: 'pyproject.toml',
      runtime: { name: 'python', version: '^3.8' },
      dependencies: [
        { name: 'fastapi', version: '^0.95', dev: false },
        { name: 'pydantic', version: '^1.10', dev: false },
        { name: 'pytest', version: '^7.4', dev: true },
      ],
    });
  });

  it('finds no manifest in prose or in unrelated code', () => {
    expect(manifestInMessage('upgrade express from 4 to 5')).toBeUndefined();
    expect(
      manifestInMessage('Move from moment to date-fns.\n```js\nconst when = moment().add(1, "day");\n```'),
    ).toBeUndefined();
  });
});

describe('manifestPathIn', () => {
  it('finds a manifest named by path, outside code blocks', () => {
    expect(manifestPathIn('upgrade express to 5, my manifest is ./package.json')).toBe('./package.json');
    expect(manifestPathIn('see backend/requirements-prod.txt for the pins')).toBe('backend/requirements-prod.txt');
    expect(manifestPathIn('check `/srv/app/pyproject.toml`')).toBe('/srv/app/pyproject.toml');
    expect(manifestPathIn('upgrade express to 5')).toBeUndefined();
  });
});
