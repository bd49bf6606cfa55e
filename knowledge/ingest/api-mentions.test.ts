import { describe, expect, it } from 'vitest';
import { apiMentions } from './api-mentions.ts';

describe('apiMentions', () => {
  it('reads API lists: one-line and wrapped items, dotted names, and headings with a paragraph', () => {
    const mentions = apiMentions(`# Functions

* \`valid(v)\`: Return the parsed version, or null if it's not valid.
* \`inc(v, releaseType, options)\`:
  Return the version incremented by the release
  type, or null if it's not valid.
- \`client.close()\` - Ends every open connection and waits for them.
* \`x()\`: ok

### parseConfig(path)

Reads the file at \`path\` and checks every setting.
Unknown keys are refused.

\`\`\`js
parseConfig('kiln.json')
\`\`\`

* \`<\` Less than
`);
    expect(mentions.get('valid')).toBe("Return the parsed version, or null if it's not valid.");
    expect(mentions.get('inc')).toBe("Return the version incremented by the release type, or null if it's not valid.");
    expect(mentions.get('client.close')).toBe('Ends every open connection and waits for them.');
    expect(mentions.get('close')).toBe('Ends every open connection and waits for them.');
    expect(mentions.get('parseConfig')).toBe(
      'Reads the file at `path` and checks every setting. Unknown keys are refused.',
    );
    // Too short to describe anything, and operators are not names.
    expect(mentions.has('x')).toBe(false);
    expect(mentions.size).toBe(5);
  });

  it('keeps the first of two mentions of one name', () => {
    expect(apiMentions('* `run(a)`: Starts the first thing.\n\n* `run(b)`: Starts another thing.').get('run')).toBe(
      'Starts the first thing.',
    );
  });
});
