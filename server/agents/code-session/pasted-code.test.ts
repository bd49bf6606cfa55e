import { describe, expect, it } from 'vitest';
import { pastedRun } from './pasted-code.ts';

const code = "def slugify(text):\n    return '-'.join(text.lower().split())";
const tests =
  "import unittest\nfrom solution import slugify\n\nclass SlugifyTest(unittest.TestCase):\n    def test_spaces(self):\n        self.assertEqual(slugify('Hello World'), 'hello-world')";
const block = `\`\`\`python\n${code}\n\`\`\``;
const testsBlock = `\`\`\`python\n${tests}\n\`\`\``;

describe('pastedRun', () => {
  it.each([
    ['run this', `run this\n${block}`],
    ['can you test this?', `can you test this?\n${block}`],
    ['does this work?', `${block}\ndoes this work?`],
    ['please execute the script', `Please execute the script:\n${block}`],
  ])('takes the pasted code to run when the message says "%s"', (_words, message) => {
    expect(pastedRun(message)).toEqual({ language: 'python', code, tests: null });
  });

  it('takes pasted tests with the code', () => {
    expect(pastedRun(`Run this and its tests please\n${block}\n${testsBlock}`)).toEqual({
      language: 'python',
      code,
      tests,
    });
  });

  it.each([
    ['asks for a review', `review this code\n${block}`],
    ['asks for new code', `Write a function that does the same in TypeScript:\n${block}`],
    [
      'pastes an error to explain',
      `I get this error when I run it\n${block}\n\`\`\`\nTraceback (most recent call last):\n  File "solution.py", line 2, in slugify\nAttributeError: 'NoneType' object has no attribute 'lower'\n\`\`\``,
    ],
    [
      'names an error in its own words',
      `run it\n${block}\nand I get AttributeError: 'NoneType' object has no attribute 'lower'`,
    ],
    ['has no code block', "run this: print('hello')"],
    ['has the words only inside its code', `Thoughts?\n\`\`\`sh\n# run this nightly\necho backup\n\`\`\``],
    ['has a block the sandbox cannot run', `run this\n\`\`\`sql\nSELECT 1;\n\`\`\``],
  ])('is not a pasted run when the message %s', (_what, message) => {
    expect(pastedRun(message)).toBeUndefined();
  });
});
