import { describe, expect, it } from 'vitest';
import { titleFromMessage } from './conversation-title.ts';

describe('titleFromMessage', () => {
  it('takes the first meaningful line, without Markdown', () => {
    expect(titleFromMessage('## How do I *debounce* in TS?\nMore details')).toBe('How do I debounce in TS?');
  });

  it('skips code blocks and cuts long lines at a word', () => {
    expect(
      titleFromMessage(
        '```ts\nconst x = 1;\n```\nWhy does this `const` declaration fail when I import it from another module in Node?',
      ),
    ).toBe('Why does this const declaration fail when I import it from…');
  });

  it('names a message that is only code', () => {
    expect(titleFromMessage('```\nfoo()\n```')).toBe('Code snippet');
  });
});
