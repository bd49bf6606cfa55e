import type { MigrationGuide } from '../../../knowledge/migrations/migration-guide.ts';
import type { Manifest } from './read-manifest.ts';

/** What the user wants to migrate, as understood from the message and the manifest. */
export interface MigrationRequest {
  /** Kiln's curated guide for it; absent for a migration Kiln has no notes on (the plan is then generic). */
  guide?: MigrationGuide;
  from: { name: string; version?: string };
  to: { name: string; version?: string };
  /** Where the current version was read: the manifest's range (`^4.18.2`) or the message. */
  currentVersionFrom?: 'manifest' | 'message';
  /** For a migration without a guide: which package manager, when the manifest or the words say. */
  packageManager?: 'npm' | 'pip';
}

/**
 * Recognises requests such as "upgrade express from 4 to 5", "upgrade to express 5" (the current version
 * from the manifest), "move from moment to date-fns", "migrate this CommonJS to ESM", "Python 3.8 → 3.12",
 * "typeorm 0.3 to 1.0". A curated guide is matched first; otherwise a generic package upgrade or
 * replacement is read from the words. Undefined when the message names no migration.
 */
export function detectMigration(
  message: string,
  manifest: Manifest | undefined,
  guides: readonly MigrationGuide[],
): MigrationRequest | undefined {
  const text = message.replace(/```[\s\S]*?```/g, ' ').toLowerCase();
  const transition = transitionIn(text);
  const candidates = guides.flatMap((guide) => {
    const match =
      guide.from.name === guide.to.name
        ? matchUpgrade(guide, text, transition, manifest)
        : matchReplacement(guide, text, manifest);
    return match ? [match] : [];
  });
  candidates.sort((a, b) => b.score - a.score || a.position - b.position);
  return candidates[0]?.request ?? genericRequest(text, transition, manifest);
}

interface Candidate {
  request: MigrationRequest;
  score: number;
  /** Where the guide is first named in the message: the first named wins a tie. */
  position: number;
}

function matchUpgrade(
  guide: MigrationGuide,
  text: string,
  transition: Transition,
  manifest: Manifest | undefined,
): Candidate | undefined {
  const position = firstMention(text, guide.from.aliases);
  if (position < 0) return undefined;
  const named = guide.from.aliases.flatMap((alias) => versionsAfter(text, alias)).sort((a, b) => a.index - b.index);
  const installed = installedVersion(guide, manifest);
  let current = installed ?? transition.from;
  let target = transition.to;
  if (!target && named.length >= 2) {
    current ??= named[0]!.version;
    target = named.at(-1)!.version;
  } else if (!target && named.length === 1) {
    // "we run express 4" names the current version; "express 5" on its own names the one wanted.
    if (named[0]!.current) current ??= named[0]!.version;
    else target = named[0]!.version;
  }
  if (
    !target &&
    /\b(?:latest|newest|upgrade|update|bump)\b/.test(text) &&
    guide.to.version &&
    (!current || compareVersions(current, guide.to.version) < 0)
  )
    target = guide.to.version;
  if (!target) return undefined;
  const runtime = guide.ecosystem === 'runtime';
  const fits = runtime
    ? compareVersions(target, guide.from.version ?? '0') > 0 && (!current || compareVersions(current, target) < 0)
    : sameRelease(target, guide.to.version!) && (!current || compareVersions(current, guide.to.version!) < 0);
  if (!fits) return undefined;
  return {
    score: 3,
    position,
    request: {
      guide,
      from: { name: guide.from.name, ...(current ? { version: current } : {}) },
      to: { name: guide.to.name, version: target },
      ...(current ? { currentVersionFrom: installed ? ('manifest' as const) : ('message' as const) } : {}),
    },
  };
}

function matchReplacement(guide: MigrationGuide, text: string, manifest: Manifest | undefined): Candidate | undefined {
  const toPosition = firstMention(text, guide.to.aliases);
  if (toPosition < 0) return undefined;
  const fromPosition = firstMention(text, guide.from.aliases);
  const installed = installedVersion(guide, manifest);
  if (fromPosition < 0 && !installed) return undefined;
  return {
    score: fromPosition >= 0 ? 3 : 2,
    position: fromPosition >= 0 ? Math.min(fromPosition, toPosition) : toPosition,
    request: {
      guide,
      from: { name: guide.from.name, ...(installed ? { version: installed } : {}) },
      to: { name: guide.to.name },
      ...(installed ? { currentVersionFrom: 'manifest' as const } : {}),
    },
  };
}

function genericRequest(
  text: string,
  transition: Transition,
  manifest: Manifest | undefined,
): MigrationRequest | undefined {
  const upgrade =
    /\b(?:upgrade|update|bump|migrate)\s+(?:to\s+)?([@a-z][\w./-]*?)\s+(?:from\s+v?\^?~?(\d[\w.]*)\s+)?to\s+v?\^?~?(\d[\w.]*)/.exec(
      text,
    ) ?? /\b([@a-z][\w./-]*?)\s+v?(\d[\w.]*)\s*(?:→|->|=>|\bto\b)\s*(?:\1\s+)?v?(\d[\w.]*)/.exec(text);
  if (upgrade && !/^(?:from|version|v)$/.test(upgrade[1]!)) {
    const name = upgrade[1]!;
    const installed = manifest?.dependencies.find((dependency) => dependency.name.toLowerCase() === name)?.version;
    const current = installed ? versionOf(installed) : (upgrade[2] ?? transition.from);
    return {
      from: { name, ...(current ? { version: current } : {}) },
      to: { name, version: upgrade[3]!.replace(/\.$/, '') },
      ...(current ? { currentVersionFrom: installed ? ('manifest' as const) : ('message' as const) } : {}),
      ...packageManagerOf(text, manifest),
    };
  }
  const replacement = /\b(?:from|replace)\s+([@a-z][\w./:-]*)\s+(?:to|with|by)\s+([@a-z][\w./:-]*)/.exec(text);
  if (replacement)
    return {
      from: { name: replacement[1]!.replace(/[.:]$/, '') },
      to: { name: replacement[2]!.replace(/[.:]$/, '') },
      ...packageManagerOf(text, manifest),
    };
  return undefined;
}

function packageManagerOf(text: string, manifest: Manifest | undefined): Pick<MigrationRequest, 'packageManager'> {
  if (manifest) return { packageManager: manifest.kind === 'package.json' ? 'npm' : 'pip' };
  if (/\b(?:python|pip|pypi|django|flask|fastapi|pyproject|requirements\.txt)\b/.test(text))
    return { packageManager: 'pip' };
  if (/\b(?:npm|node|yarn|pnpm|package\.json|javascript|typescript)\b/.test(text)) return { packageManager: 'npm' };
  return {};
}

interface Transition {
  from?: string;
  to?: string;
}

/** "from 4 to 5", "3.8 → 3.12", "16 -> 20", or a lone "to 5". */
function transitionIn(text: string): Transition {
  // The target may repeat the name: "django 3.2 to django 5.0".
  const both =
    /(?:\bfrom\s+)?\bv?(\d+(?:\.\d+)*)(?:\.x)?\s*(?:\bto\b|→|->|=>|⇒)\s*(?:[a-z][\w.-]*\s+)?v?\^?(\d+(?:\.\d+)*)/.exec(
      text,
    );
  if (both) return { from: both[1], to: both[2] };
  const target = /\bto\s+(?:v|version\s+)?\^?~?(\d+(?:\.\d+)*)/.exec(text);
  return target ? { to: target[1] } : {};
}

/**
 * Versions written right after a name (`express 5`, `express@5`, `node v20`, `python 3.12`), each marked
 * `current` when the words before say it is what runs now ("on node 16", "we use express 4").
 */
function versionsAfter(text: string, alias: string): { version: string; index: number; current: boolean }[] {
  const pattern = new RegExp(
    `(?<![\\w.-])${escapeRegExp(alias)}(?:@|\\s*v|\\s+version\\s+|\\s*)\\^?~?(\\d+(?:\\.\\d+)*)`,
    'g',
  );
  return [...text.matchAll(pattern)].map((match) => ({
    version: match[1]!,
    index: match.index,
    current: /\b(?:on|from|using|use|run|running|have|currently|still)\s+(?:\w+\s+)?$/.test(
      text.slice(Math.max(0, match.index - 24), match.index),
    ),
  }));
}

function firstMention(text: string, aliases: string[]): number {
  const positions = aliases
    .map((alias) => new RegExp(`(?<![\\w.-])${escapeRegExp(alias)}(?![\\w-])`).exec(text)?.index ?? -1)
    .filter((position) => position >= 0);
  return positions.length ? Math.min(...positions) : -1;
}

/** The installed version of what the guide migrates from: the package's range, or the runtime's. */
function installedVersion(guide: MigrationGuide, manifest: Manifest | undefined): string | undefined {
  if (!manifest) return undefined;
  if (manifest.runtime && guide.packages.includes(manifest.runtime.name)) return versionOf(manifest.runtime.version);
  const dependency = manifest.dependencies.find((candidate) => guide.packages.includes(candidate.name.toLowerCase()));
  return dependency ? versionOf(dependency.version) : undefined;
}

/** The version a range starts from: `^4.18.2` → 4.18.2, `>=3.8` → 3.8, `>=1.10,<2` → 1.10. */
export function versionOf(range: string): string | undefined {
  return /\d+(?:\.\d+)*/.exec(range)?.[0];
}

export function compareVersions(a: string, b: string): number {
  const [left, right] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

/** Same release line: the major version, or major.minor below 1.0 (`0.3` and `0.3.17` are one line; `1.0` and `1.2` too). */
function sameRelease(version: string, line: string): boolean {
  const [major, minor] = version.split('.');
  const [lineMajor, lineMinor] = line.split('.');
  return major === lineMajor && (lineMajor !== '0' || (minor ?? '0') === (lineMinor ?? '0'));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
