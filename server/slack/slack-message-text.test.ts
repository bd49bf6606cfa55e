import { describe, expect, it } from 'vitest';
import { mentions, messageTextOf } from './slack-message-text.ts';

describe('messageTextOf', () => {
  it('removes the bot mention and keeps the question', () => {
    expect(messageTextOf('<@UKILN> how do I debounce a function?', 'UKILN')).toBe('how do I debounce a function?');
  });

  it('shows other people and channels by name and links by URL', () => {
    expect(messageTextOf('ask <@U123|ana> in <#C42|dev>, see <https://example.com/a>', 'UKILN')).toBe(
      'ask @ana in #dev, see https://example.com/a',
    );
    expect(messageTextOf('<https://example.com|the docs>', 'UKILN')).toBe('the docs (https://example.com)');
  });

  it('undoes Slack escapes so pasted code arrives as written', () => {
    expect(messageTextOf('if (a &lt; b &amp;&amp; c &gt; d) {}', 'UKILN')).toBe('if (a < b && c > d) {}');
  });

  it('drops NUL characters, which Postgres cannot store', () => {
    expect(messageTextOf('a\u0000b', undefined)).toBe('ab');
  });

  it('does not treat an escaped angle bracket as markup', () => {
    expect(messageTextOf('Array&lt;string&gt;', undefined)).toBe('Array<string>');
  });
});

describe('mentions', () => {
  it('sees the bot mention only', () => {
    expect(mentions('hi <@UKILN>', 'UKILN')).toBe(true);
    expect(mentions('hi <@UOTHER>', 'UKILN')).toBe(false);
    expect(mentions('hi', undefined)).toBe(false);
  });
});
