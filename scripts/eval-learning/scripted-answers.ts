// What the scripted model answers in `npm run eval:learning`, in the format a code session asks for: one
// sentence, the code in a fenced block, then its tests (vitest importing './solution', unittest importing solution).

const answer = (sentence: string, language: string, code: string, tests: string) =>
  `${sentence}\n\n\`\`\`${language}\n${code.trim()}\n\`\`\`\n\n\`\`\`${language}\n${tests.trim()}\n\`\`\`\n`;

/**
 * The seed pattern the first measurement makes fail, and the model's code built on it: the pattern's own code,
 * adapted, that lost its accent folding (what a model does when it trims a pattern it was shown). Code that
 * shared nothing with the pattern would not count as built on it, and would neither credit nor blame it.
 */
export const sinkingPatternId = 'ts-slugify';

export const failingSlugify = answer(
  'I build on the stored slugify pattern: lower-case the words and join them with the separator, cut at maxLength.',
  'typescript',
  `
export interface SlugifyOptions {
  maxLength?: number;
  separator?: string;
}

export function slugify(input: string, { maxLength = 80, separator = '-' }: SlugifyOptions = {}): string {
  const words = input
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? \`\${slug}\${separator}\${word}\` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  return slug;
}`,
  `
import { expect, test } from 'vitest';
import { slugify } from './solution';

test('joins lower-cased words with hyphens', () => {
  expect(slugify('My First Post!')).toBe('my-first-post');
});

test('folds accents to ASCII', () => {
  expect(slugify('Crème Brûlée')).toBe('creme-brulee');
});`,
);

/** A repair answer with no code: the model gives up, so the session ends after its one failed run. */
export const givingUp = 'I cannot see what is wrong with it from here, so I will leave the code as it is.';

/** A session whose first code fails with a runtime error and whose repair passes, then that error met elsewhere. */
export interface FixCase {
  name: string;
  request: string;
  failing: string;
  repaired: string;
  /** A `/debug` message with the same error in other code, with other names, values and paths. */
  debug: string;
  diagnosis: string;
}

const wordCountTests = `
import unittest
from solution import count_words


class CountWordsTest(unittest.TestCase):
    def test_counts_each_word(self):
        self.assertEqual(count_words(["apple", "pear", "apple"]), {"apple": 2, "pear": 1})

    def test_empty_list(self):
        self.assertEqual(count_words([]), {})`;

/** No seed pattern is filed as a fix for a KeyError: the learned fix has the error to itself. */
const keyError: FixCase = {
  name: "Python `KeyError: '<name>'`",
  request: '/code In Python, count how many times each word occurs in a list of words',
  failing: answer(
    'I keep a dictionary of counts and add one for each word.',
    'python',
    `
def count_words(words):
    counts = {}
    for word in words:
        counts[word] += 1
    return counts`,
    wordCountTests,
  ),
  repaired: answer(
    'A word seen for the first time has no entry yet, so its count starts from 0 with dict.get.',
    'python',
    `
def count_words(words):
    counts = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    return counts`,
    wordCountTests,
  ),
  debug: `/debug My report script crashes, why?

\`\`\`
Traceback (most recent call last):
  File "/home/ana/reports/monthly.py", line 27, in <module>
    main()
  File "/home/ana/reports/monthly.py", line 21, in main
    totals[row["region"]] += float(row["amount"])
KeyError: 'north'
\`\`\``,
  diagnosis: "The dictionary has no entry for 'north' the first time that region appears: start each total at 0.",
};

const displayNameTests = `
import { expect, test } from 'vitest';
import { displayName } from './solution';

test('reads the name', () => {
  expect(displayName('{"user":{"name":"Ada"}}')).toBe('Ada');
});

test('falls back when the profile has no user', () => {
  expect(displayName('{}')).toBe('Anonymous');
});`;

/** The seed corpus already files a fix for this error (ts-guard-data-before-use): the learned one must outrank it. */
const undefinedProperty: FixCase = {
  name: "TypeScript `TypeError: Cannot read properties of undefined (reading '<name>')`",
  request: '/code In TypeScript, get the display name from a JSON profile, or Anonymous when it has none',
  failing: answer(
    'I parse the JSON and read the name of its user.',
    'typescript',
    `
interface Profile {
  user: { name: string };
}

export function displayName(json: string): string {
  const profile = JSON.parse(json) as Profile;
  return profile.user.name;
}`,
    displayNameTests,
  ),
  repaired: answer(
    'A profile without a user has no name to read, so the name is read with optional chaining and a fallback.',
    'typescript',
    `
interface Profile {
  user?: { name?: string };
}

export function displayName(json: string): string {
  const profile = JSON.parse(json) as Profile;
  return profile.user?.name ?? 'Anonymous';
}`,
    displayNameTests,
  ),
  debug: `/debug The receipt job crashes on some orders:

\`\`\`
TypeError: Cannot read properties of undefined (reading 'email')
    at sendReceipt (/srv/shop/src/receipts.ts:14:32)
    at processOrder (/srv/shop/src/orders.ts:88:5)
\`\`\``,
  diagnosis: 'Some orders have no customer, so reading its email fails: check for the customer first.',
};

export const fixCases: FixCase[] = [keyError, undefinedProperty];
