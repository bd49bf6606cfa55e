import { describe, expect, it } from 'vitest';
import { toSlackMrkdwn } from './slack-mrkdwn.ts';

// The library puts zero-width spaces around bold, italic and strike markers (so in-word formatting works in Slack);
// a reader never sees them, so most assertions look through them.
const visible = (mrkdwn: string) => mrkdwn.replaceAll('\u200b', '');

describe('toSlackMrkdwn', () => {
  it('keeps fenced code byte for byte and drops the language tag Slack ignores', () => {
    const code = 'const total = a * b && c < d; // _not italic_ &amp;\n<div class="x">*</div>\n\tindented  \n';
    const mrkdwn = toSlackMrkdwn(`Try this:\n\n\`\`\`ts\n${code}\`\`\`\n\nDone.`);
    expect(mrkdwn).toBe(`Try this:\n\n\`\`\`\n${code}\`\`\`\n\nDone.`);
  });

  it('keeps inline code as written', () => {
    expect(toSlackMrkdwn('Call `a*b<c>&d` once.')).toBe('Call `a*b<c>&d` once.');
  });

  it('escapes &, < and > in prose, so markup in an answer cannot ping or link', () => {
    expect(toSlackMrkdwn('Tom & Jerry: a > b > c\nand x<y, Array<string>')).toBe(
      'Tom &amp; Jerry: a &gt; b &gt; c\nand x&lt;y, Array&lt;string&gt;',
    );
    expect(toSlackMrkdwn('hi <!channel> <@U123> <#C42> <b>bold</b>')).toBe(
      'hi &lt;!channel&gt; &lt;@U123&gt; &lt;#C42&gt; &lt;b&gt;bold&lt;/b&gt;',
    );
  });

  it('still makes blockquotes and links', () => {
    expect(toSlackMrkdwn('> quoted <tag>')).toBe('> quoted &lt;tag&gt;');
    expect(toSlackMrkdwn('See [a > b](https://example.com/x?y=1&z=2) or <https://kiln.dev>.')).toBe(
      'See <https://example.com/x?y=1&z=2|a &gt; b> or <https://kiln.dev|https://kiln.dev>.',
    );
  });

  it('turns headings into bold lines, without nesting bold inside them', () => {
    expect(visible(toSlackMrkdwn('# Setup\n\n## **Step 1:** install `**kwargs`'))).toBe(
      '*Setup*\n\n*Step 1: install `**kwargs`*',
    );
  });

  it('makes bold, italic and strikethrough Slack-style', () => {
    expect(visible(toSlackMrkdwn('**bold**, _italic_ and ~~gone~~'))).toBe('*bold*, _italic_ and ~gone~');
  });

  it('shows lists as bullets, nested ones indented further', () => {
    const lines = toSlackMrkdwn('- one\n- two\n  - nested\n    - deeper\n\n1. first\n2. second').split('\n');
    expect(lines).toEqual([
      '•   one',
      '•   two',
      '    •   nested',
      '        •   deeper',
      '',
      '1.  first',
      '2.  second',
    ]);
  });

  it('shows a table as an aligned code block', () => {
    const markdown =
      'Options:\n\n| Name | Default |\n|:--|--:|\n| **retries** & more | `3` |\n| a \\| b |\n\nThat is all.';
    expect(toSlackMrkdwn(markdown)).toBe(
      [
        'Options:',
        '',
        '```',
        'Name           | Default',
        '---------------+--------',
        'retries & more | 3',
        'a | b          |',
        '```',
        '',
        'That is all.',
      ].join('\n'),
    );
  });

  it('closes the code block of a partial answer that stops inside a fence', () => {
    expect(toSlackMrkdwn('Here:\n\n```python\ndef f(x):\n    return x < 2\n')).toBe(
      'Here:\n\n```\ndef f(x):\n    return x < 2\n```',
    );
  });

  it('does not take inline code at a line start for a fence', () => {
    expect(toSlackMrkdwn('```x``` then <b>')).toBe('`x` then &lt;b&gt;');
  });

  it('gives nothing for nothing', () => {
    expect(toSlackMrkdwn('')).toBe('');
  });
});
