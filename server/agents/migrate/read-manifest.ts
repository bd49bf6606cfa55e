/** A project's dependency manifest, reduced to what a migration plan needs. */
export interface Manifest {
  kind: 'package.json' | 'requirements.txt' | 'pyproject.toml';
  dependencies: { name: string; version: string; dev: boolean }[];
  /** `engines.node`, `requires-python`, or Poetry's `python` dependency. */
  runtime?: { name: 'node' | 'python'; version: string };
  /** package.json `type`. */
  moduleType?: 'module' | 'commonjs';
}

const manifestFileName =
  /(?:^|[\s`'"(])((?:~|\.{1,2})?(?:\/?[\w.@-]+)*\/?(package\.json|requirements[\w.-]*\.txt|pyproject\.toml))\b/;

/** A manifest file the message names by path (`./package.json`, `backend/requirements.txt`), to read when none is pasted. */
export function manifestPathIn(message: string): string | undefined {
  return manifestFileName.exec(message.replace(/```[\s\S]*?```/g, ' '))?.[1];
}

/** The manifest pasted in a message: a fenced block first, else the message itself. */
export function manifestInMessage(message: string): Manifest | undefined {
  const blocks = [...message.matchAll(/```([\w.-]*)[^\n]*\n([\s\S]*?)```/g)].map((match) => ({
    label: match[1]!.toLowerCase(),
    text: match[2]!,
  }));
  for (const block of blocks) {
    const manifest = parseManifest(block.text, kindFromLabel(block.label));
    if (manifest) return manifest;
  }
  return blocks.length ? undefined : parseManifest(message);
}

/** Reads a manifest of the given kind, or of whichever kind the text looks like; undefined when it is none. */
export function parseManifest(text: string, kind?: Manifest['kind']): Manifest | undefined {
  if (kind === 'package.json' || (!kind && /"(?:dependencies|devDependencies|engines)"\s*:/.test(text)))
    return packageJson(text);
  if (kind === 'pyproject.toml' || (!kind && /^\s*\[(?:project|tool\.poetry)/m.test(text))) return pyprojectToml(text);
  if (kind === 'requirements.txt' || !kind) return requirementsTxt(text, kind === 'requirements.txt');
  return undefined;
}

function kindFromLabel(label: string): Manifest['kind'] | undefined {
  if (label === 'toml' || label === 'pyproject.toml') return 'pyproject.toml';
  if (label === 'requirements.txt' || label === 'requirements' || label === 'pip') return 'requirements.txt';
  if (label === 'package.json') return 'package.json';
  return undefined;
}

function packageJson(text: string): Manifest | undefined {
  const parsed = parseJsonLeniently(text);
  if (!parsed) return undefined;
  const dependencies = (
    ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const
  ).flatMap((field) =>
    Object.entries(asRecord(parsed[field])).map(([name, version]) => ({
      name,
      version: String(version),
      dev: field === 'devDependencies',
    })),
  );
  const engines = asRecord(parsed.engines);
  if (dependencies.length === 0 && !engines.node) return undefined;
  return {
    kind: 'package.json',
    dependencies,
    ...(typeof engines.node === 'string' ? { runtime: { name: 'node' as const, version: engines.node } } : {}),
    ...(parsed.type === 'module' || parsed.type === 'commonjs' ? { moduleType: parsed.type } : {}),
  };
}

/** A whole package.json, or a pasted excerpt of it (`"dependencies": { … }` without the outer braces, a trailing comma). */
function parseJsonLeniently(text: string): Record<string, unknown> | undefined {
  const trimmed = text.trim().replace(/,\s*$/, '');
  const withoutTrailingCommas = trimmed.replace(/,(\s*[}\]])/g, '$1');
  for (const candidate of [trimmed, `{${trimmed}}`, withoutTrailingCommas, `{${withoutTrailingCommas}}`]) {
    try {
      const value: unknown = JSON.parse(candidate);
      if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // try the next reading
    }
  }
  return undefined;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** `name[extra]>=1.2,<2 ; python_version < "3.12"  # comment` */
const requirementLine =
  /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*((?:===|==|>=|<=|~=|!=|>|<)\s*[^;#\s,]+(?:\s*,\s*(?:===|==|>=|<=|~=|!=|>|<)\s*[^;#\s,]+)*)?\s*(?:;[^#]*)?(?:#.*)?$/;

/**
 * requirements.txt lines. Text not labelled as requirements contributes only its lines that pin a version
 * (`flask==2.0.1`, `pydantic>=1.10`), so prose around a pasted list is not taken for packages.
 */
function requirementsTxt(text: string, labelled: boolean): Manifest | undefined {
  const dependencies = text
    .split('\n')
    .map((line) => requirementLine.exec(line.trim()))
    .filter((match) => match !== null && (labelled || match[2] !== undefined))
    .map((match) => ({ name: match![1]!.toLowerCase(), version: (match![2] ?? '').replace(/\s+/g, ''), dev: false }));
  return dependencies.length ? { kind: 'requirements.txt', dependencies } : undefined;
}

/** The parts of pyproject.toml a plan needs: PEP 621 `[project]` and Poetry's dependency tables. Not a full TOML reader. */
function pyprojectToml(text: string): Manifest | undefined {
  const dependencies: Manifest['dependencies'] = [];
  let runtime: Manifest['runtime'];
  const requiresPython = /^\s*requires-python\s*=\s*["']([^"']+)["']/m.exec(text);
  if (requiresPython) runtime = { name: 'python', version: requiresPython[1]! };
  const projectArray = /^\s*dependencies\s*=\s*\[([\s\S]*?)\]/m.exec(sectionText(text, 'project') ?? '');
  for (const item of projectArray?.[1]?.match(/["']([^"']+)["']/g) ?? []) {
    const match = requirementLine.exec(item.slice(1, -1).trim());
    if (match)
      dependencies.push({ name: match[1]!.toLowerCase(), version: (match[2] ?? '').replace(/\s+/g, ''), dev: false });
  }
  for (const [section, dev] of [
    ['tool.poetry.dependencies', false],
    ['tool.poetry.dev-dependencies', true],
    ['tool.poetry.group.dev.dependencies', true],
  ] as const) {
    for (const line of (sectionText(text, section) ?? '').split('\n')) {
      const match =
        /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*=\s*(?:["']([^"']+)["']|\{[^}]*version\s*=\s*["']([^"']+)["'][^}]*\})/.exec(
          line,
        );
      if (!match) continue;
      const version = match[2] ?? match[3]!;
      if (match[1]!.toLowerCase() === 'python') runtime ??= { name: 'python', version };
      else dependencies.push({ name: match[1]!.toLowerCase(), version, dev });
    }
  }
  if (dependencies.length === 0 && !runtime) return undefined;
  return { kind: 'pyproject.toml', dependencies, ...(runtime ? { runtime } : {}) };
}

/** The lines of one `[section]`, up to the next section header. */
function sectionText(text: string, section: string): string | undefined {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.trim() === `[${section}]`);
  if (start < 0) return undefined;
  const end = lines.findIndex((line, index) => index > start && /^\s*\[/.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}
