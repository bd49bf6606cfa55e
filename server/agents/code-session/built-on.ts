import type { Pattern } from '../../../knowledge/patterns/pattern.ts';

/** Names every program has: sharing them says nothing about where code came from. */
const common = new Set(
  'const function return export import from async await string number boolean object array promise error value result items index length push console print self none true false null undefined class interface type extends implements public private static readonly new this else elif while break continue throw catch finally yield lambda assert expect describe test toBe toEqual unittest TestCase assertEqual'.split(
    ' ',
  ),
);

function names(code: string): Set<string> {
  const found = new Set<string>();
  for (const token of code.match(/[A-Za-z_][A-Za-z0-9_]{3,}/g) ?? []) if (!common.has(token)) found.add(token);
  return found;
}

/**
 * The patterns among those a model was shown that the code it wrote is built on: those whose own names
 * (functions, variables, types of four letters or more, common words aside) it shares, at least two and at
 * least a fifth of the pattern's. Crediting or blaming a pattern for code that never used it would teach the
 * store nothing true, so only these are named on the run.
 */
export function builtOn(code: string, shown: readonly Pick<Pattern, 'id' | 'code'>[]): string[] {
  const written = names(code);
  return shown
    .filter((pattern) => {
      const own = names(pattern.code);
      let shared = 0;
      for (const name of own) if (written.has(name)) shared += 1;
      return shared >= 2 && shared >= own.size / 5;
    })
    .map((pattern) => pattern.id);
}
