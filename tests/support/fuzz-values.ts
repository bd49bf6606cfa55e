/**
 * Seeded randomness and hostile values for the fuzz test (tests/integration/fuzz.test.ts).
 *
 * The generator is a hand-written mulberry32: `fast-check` is not installed and no other seeded PRNG is in
 * node_modules, and the fuzzer needs nothing more than a fast, reproducible stream of 32-bit numbers. The same
 * seed always yields the same cases, in the same order.
 */
export class SeededRandom {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let mixed = this.state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max]. */
  integer(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(choices: readonly T[]): T {
    return choices[this.integer(0, choices.length - 1)]!;
  }
}

/** Strings that have broken parsers, validators, Postgres or logging somewhere. */
export const hostileStrings: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\ud83d',
  '\u0001\u0002\u001b[31m\u007f',
  '\r\n\r\nHTTP/1.1 200 OK',
  '\u202e\u200b\ufeff',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '0x10',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-4000-8000-00000000000g',
  '../../../etc/passwd',
  "' OR 1=1 --",
  '$1',
  '%s%n%x',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'null',
  'x'.repeat(5_000),
  '🔥'.repeat(300),
];

/** Numbers a JSON body can carry (1e309 is written into the text by `hostileJsonTexts`). */
export const hostileNumbers: readonly number[] = [
  0,
  -1,
  -0,
  0.5,
  -2_147_483_649,
  2_147_483_648,
  Number.MAX_SAFE_INTEGER + 2,
  1e300,
  -1e300,
  5e-324,
];

/** Any JSON value, hostile more often than not. */
export function hostileValue(random: SeededRandom, depth = 0): unknown {
  switch (random.integer(0, 8)) {
    case 0:
    case 1:
      return random.pick(hostileStrings);
    case 2:
      return random.pick(hostileNumbers);
    case 3:
      return random.pick([null, true, false]);
    case 4:
      return depth > 2 ? [] : Array.from({ length: random.integer(0, 3) }, () => hostileValue(random, depth + 1));
    case 5:
      return depth > 2 ? {} : { [random.pick(hostileStrings)]: hostileValue(random, depth + 1) };
    case 6:
      return JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');
    case 7:
      return nested(random.integer(50, 1_000), random.chance(0.5));
    default:
      return random.pick(['a', 'hello', 'typescript', 'approve', 'up']);
  }
}

/** `[[[…]]]` or `{"a":{"a":…}}`, `depth` levels deep. */
export function nested(depth: number, asObjects: boolean): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = asObjects ? { a: value } : [value];
  return value;
}

/** Request bodies that are not JSON, or JSON no schema expects. */
export const hostileJsonTexts: readonly string[] = [
  '{',
  '{"a":',
  '[1,2',
  '"unterminated',
  '{"a":1}garbage',
  'null',
  'true',
  '0',
  '[]',
  '"just a string"',
  '{"a":1e309}',
  '{"limit":-1e309,"k":NaN}',
  '{"content":"\\ud800"}',
  '{"title":"\\u0000"}',
  '{"a":1,"a":2,"__proto__":{"admin":true}}',
  '\ufeff{}',
  '\u0000',
  '['.repeat(50_000),
  `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`,
];

/** Path segments, already percent-encoded as they go on the wire (some deliberately malformed). */
export const hostilePathSegments: readonly string[] = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%FF%FE',
  '%',
  '%E0%A4%A',
  '%C0%AE%C0%AE',
  '..%2F..%2Fetc',
  '%0D%0ASet-Cookie:%20x',
  '%1B%5B31m',
  'NaN',
  '-1',
  '1e309',
  '0.5',
  '00000000-0000-0000-0000-000000000000',
  '00000000-0000-4000-8000-00000000000G',
  '%7B%7D',
  '__proto__',
  'x'.repeat(3_000),
];

/** The text with each lone surrogate replaced by U+FFFD (`encodeURIComponent` throws on one). */
export const wellFormed = (text: string) =>
  text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/** Bytes that are not UTF-8. */
export const invalidUtf8 = Uint8Array.from([
  0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xed, 0xa0, 0x80, 0x22, 0x7d,
]);
