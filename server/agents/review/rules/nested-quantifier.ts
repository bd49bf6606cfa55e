/** One thing a regex matches a character with. */
type Atom =
  | { kind: 'literal'; character: string }
  | { kind: 'class'; source: string }
  | { kind: 'escape'; letter: string }
  | { kind: 'any' };

interface Group {
  /** The group's first atom, when it must match (a separator like `-` or `\.`); undefined after `|` or an optional first atom. */
  first?: Atom;
  atoms: number;
  alternation: boolean;
  /** Atoms repeated without bound inside the group (nested groups' too). */
  repeated: Atom[];
}

/**
 * Whether a regular expression repeats a group that itself repeats without
 * bound inside (`(a+)+`, `(\w+\s?)*`, `((ab)*c)+`): on an input that almost
 * matches, backtracking tries exponentially many ways to split it (ReDoS).
 * A group that starts with a required separator none of its inner repeats can
 * match (`(-[a-z]+)*`, `(?:\.\d+)*`) splits only one way, and is safe.
 */
export function hasNestedQuantifier(pattern: string): boolean {
  const groups: Group[] = [{ atoms: 0, alternation: false, repeated: [] }];
  let last: { atom: Atom; group?: Group } | undefined;
  const add = (atom: Atom, group?: Group) => {
    const current = groups.at(-1)!;
    if (current.atoms === 0) current.first = atom;
    current.atoms += 1;
    last = { atom, group };
  };
  for (let index = 0; index < pattern.length; index += 1) {
    const character = pattern[index]!;
    if (character === '\\') {
      const next = pattern[index + 1] ?? '';
      index += 1;
      if (/[bB]/.test(next)) continue;
      add(/[dDwWsSpPuxck0-9]/.test(next) ? { kind: 'escape', letter: next } : { kind: 'literal', character: next });
    } else if (character === '[') {
      let end = index + 1;
      while (end < pattern.length && pattern[end] !== ']') end += pattern[end] === '\\' ? 2 : 1;
      add({ kind: 'class', source: pattern.slice(index + 1, end) });
      index = end;
    } else if (character === '(') {
      const prefix = /^\(\?(?:[:=!]|<[=!]|<[^>]*>)/.exec(pattern.slice(index))?.[0] ?? '(';
      groups.push({ atoms: 0, alternation: false, repeated: [] });
      index += prefix.length - 1;
      last = undefined;
    } else if (character === ')') {
      const group = groups.pop() ?? { atoms: 0, alternation: false, repeated: [] };
      if (groups.length === 0) groups.push({ atoms: 0, alternation: false, repeated: [] });
      const repeat = repeatAt(pattern, index + 1);
      if (repeat?.unbounded && group.repeated.length > 0 && !splitsOneWay(group)) return true;
      groups.at(-1)!.repeated.push(...group.repeated);
      add(group.first && group.atoms === 1 && !group.alternation ? group.first : { kind: 'any' }, group);
    } else if (character === '|') {
      groups.at(-1)!.alternation = true;
    } else if (character === '^' || character === '$') {
      continue;
    } else {
      const repeat = repeatAt(pattern, index);
      if (repeat) {
        index += repeat.length - 1;
        if (pattern[index + 1] === '?') index += 1;
        if (!last) continue;
        const current = groups.at(-1)!;
        if (repeat.optional && current.atoms === 1) current.first = undefined;
        if (repeat.unbounded && !last.group) current.repeated.push(last.atom);
        if (repeat.unbounded && last.group) current.repeated.push({ kind: 'any' });
        continue;
      }
      add(character === '.' ? { kind: 'any' } : { kind: 'literal', character });
    }
  }
  return false;
}

/** A repeat operator at `index`: `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`. */
function repeatAt(
  pattern: string,
  index: number,
): { length: number; unbounded: boolean; optional: boolean } | undefined {
  const character = pattern[index];
  if (character === '*') return { length: 1, unbounded: true, optional: true };
  if (character === '+') return { length: 1, unbounded: true, optional: false };
  if (character === '?') return { length: 1, unbounded: false, optional: true };
  const braces = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(index));
  if (!braces) return undefined;
  return {
    length: braces[0].length,
    unbounded: braces[2] !== undefined && braces[3] === '',
    optional: braces[1] === '0',
  };
}

/** Whether a repeated group starts with a required separator that none of its inner repeats can match. */
function splitsOneWay(group: Group): boolean {
  const first = group.first;
  if (!first || group.alternation || first.kind !== 'literal') return false;
  return group.repeated.every((atom) => !canMatch(atom, first.character));
}

function canMatch(atom: Atom, character: string): boolean {
  switch (atom.kind) {
    case 'literal':
      return atom.character === character;
    case 'any':
      return character !== '\n';
    case 'escape': {
      const known: Record<string, RegExp> = { d: /\d/, D: /\D/, w: /\w/, W: /\W/, s: /\s/, S: /\S/ };
      return known[atom.letter]?.test(character) ?? true;
    }
    case 'class':
      try {
        return new RegExp(`[${atom.source}]`).test(character);
      } catch {
        return true;
      }
  }
}
