// The official SemVer 2.0.0 grammar (no leading zeros in numbers), plus an optional "v" prefix.
const SEMVER =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  prerelease: string[];
  build: string[];
}

/** Parses "1.2.3", "v1.2.3-beta.1+build.5"; throws on ranges ("^1.2"), partial versions ("1.2") or leading zeros. */
export function parseSemver(version: string): SemVer {
  const match = SEMVER.exec(version.trim());
  if (!match) throw new TypeError(`Invalid semantic version: ${JSON.stringify(version)}`);
  const [major, minor, patch] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  if (![major, minor, patch].every(Number.isSafeInteger)) throw new RangeError(`Version number too large: ${version}`);
  return { major, minor, patch, prerelease: match[4]?.split('.') ?? [], build: match[5]?.split('.') ?? [] };
}

const isNumeric = (identifier: string) => /^\d+$/.test(identifier);

/** Numeric identifiers compare as numbers (length first, so huge ones work) and sort before alphanumeric ones. */
function compareIdentifiers(a: string, b: string): number {
  const [numA, numB] = [isNumeric(a), isNumeric(b)];
  if (numA && numB) return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  if (numA !== numB) return numA ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0; // ASCII order, as the spec says, not locale order
}

/** -1, 0 or 1: usable directly as a sort comparator. Build metadata does not affect the order. */
export function compareSemver(a: string, b: string): -1 | 0 | 1 {
  const [x, y] = [parseSemver(a), parseSemver(b)];
  const diff =
    x.major - y.major ||
    x.minor - y.minor ||
    x.patch - y.patch ||
    // A pre-release is lower than its release: 1.0.0-rc.1 < 1.0.0.
    (x.prerelease.length === 0 ? 1 : 0) - (y.prerelease.length === 0 ? 1 : 0) ||
    comparePrerelease(x.prerelease, y.prerelease);
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

function comparePrerelease(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const diff = compareIdentifiers(a[i]!, b[i]!);
    if (diff !== 0) return diff;
  }
  return a.length - b.length; // alpha < alpha.1
}

/** Sorted copy, lowest first. */
export function sortSemver(versions: readonly string[]): string[] {
  return [...versions].sort(compareSemver);
}
