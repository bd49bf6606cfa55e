import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import type { ConversationExport } from '../../protocol/conversation-export.ts';
import { escapeHtml, markdownToSafeHtml, renderHtml } from './render-html.ts';
import { sampleExport, sampleIds } from './sample-export.ts';

const hostile = [
  'Look: <script>alert(1)</script> <img src=x onerror=alert(2)>',
  '',
  '<iframe src="https://evil.example"></iframe>',
  '',
  '<svg onload=alert(3)><circle r="1"/></svg>',
  '',
  '<style>body { display: none }</style>',
  '',
  '[a](javascript:alert(4)) [b](JaVaScRiPt:alert(5)) [c](data:text/html,<b>x</b>) <javascript:alert(6)>',
  '',
  '![a picture" onerror="alert(7)](https://tracker.example/pixel.png)',
  '',
  '[docs](https://example.com/docs "Docs") [mail](mailto:team@example.com)',
].join('\n');

/** Every tag of the output (text `<` is escaped, so each `<` starts a real one). */
const tagsOf = (html: string) => html.match(/<[^>]*>/g) ?? [];

function withHostileAnswer(): ConversationExport {
  const doc = sampleExport();
  doc.messages.find((message) => message.id === sampleIds.stopped)!.content = hostile;
  doc.conversation.title = '<script>alert("title")</script> & co';
  return doc;
}

describe('renderHtml', () => {
  it('is one self-contained document: doctype, charset, escaped title, inline style, nothing external', () => {
    const html = renderHtml(sampleExport());

    expect(html.startsWith('<!doctype html>\n')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Débounce ✨ &lt;b&gt;search&lt;/b&gt; input — 検索</title>');
    expect(html).toContain('<h1>Débounce ✨ &lt;b&gt;search&lt;/b&gt; input — 検索</h1>');
    expect(html).toContain('<li>Project: Storefront</li>');
    expect(tagsOf(html).filter((tag) => /^<(script|link|img|iframe|object|embed)\b/i.test(tag))).toEqual([]);
    expect(tagsOf(html).filter((tag) => /\s(src|srcset)=/i.test(tag))).toEqual([]);
    expect(html).not.toMatch(/@import|url\(/);
  });

  it('carries a print stylesheet: no backgrounds, no breaks inside code or messages, links with their URL', () => {
    const html = renderHtml(sampleExport());
    const print = html.slice(html.indexOf('@media print'));

    expect(print).toContain('background: transparent !important');
    expect(print).toMatch(/pre[^{]*\{[^}]*break-inside: avoid/);
    expect(print).toMatch(/\.message \{[^}]*break-inside: avoid/);
    expect(print).toContain('content: " <" attr(href) ">"');
  });

  it('makes a hostile message inert', () => {
    const html = renderHtml(withHostileAnswer());
    const tags = tagsOf(html);

    expect(html).not.toMatch(/<script|<iframe|<svg|<img|<style>body/i);
    expect(tags.filter((tag) => /\son\w+\s*=/i.test(tag))).toEqual([]);
    expect(tags.filter((tag) => /javascript:|data:/i.test(tag))).toEqual([]);
    expect(html).toContain('<title>&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; co</title>');
    // What the model wrote stays readable as text.
    expect(html).toContain('Look: &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain(
      '<a href="https://example.com/docs" title="Docs" rel="noopener noreferrer nofollow">docs</a>',
    );
    expect(html).toContain('<a href="mailto:team@example.com" rel="noopener noreferrer nofollow">mail</a>');
  });

  it('sanitises what the Markdown itself makes: script links lose their href, images keep their alt text', () => {
    const html = markdownToSafeHtml(
      '[a](javascript:alert(1)) <javascript:alert(2)> [c](data:text/html,x) ![alt <b>text</b>](https://x.example/p.png)',
    );

    expect(html).toBe(
      '<p><a rel="noopener noreferrer nofollow">a</a> <a rel="noopener noreferrer nofollow">javascript:alert(2)</a> ' +
        '<a rel="noopener noreferrer nofollow">c</a> alt &lt;b&gt;text&lt;/b&gt;</p>\n',
    );
  });

  it.each([
    '[x](  javascript:alert(1)) [y](<javascript:alert(2)>) [z](java&#115;cript:alert(3)) [w](&#106;avascript:alert(4))',
    '[r][ref] [s][other]\n\n[ref]: javascript:alert(5) "t"\n[other]: https://ok.example',
    '[t](https://ok.example "a \\" onmouseover=\\"alert(6)") www.example.com https://x.example/"onmouseover="alert(7)',
    '```ts" onclick="alert(8)\ncode\n```\n\n    indented <b>code</b>',
    '| <b>a</b> | b |\n|:-:|--|\n| <img src=x> | [l](vbscript:x) |',
    '- [ ] task\n- [x] done <input type=checkbox>',
    '> quote <script>x</script>\n\n***bold* em** ~~del~~ `code <b>` \\<b\\>',
    '<details open ontoggle=alert(9)>x</details>\n\n<a href="javascript:alert(10)">raw</a> <!-- c --> <?php x ?>',
    '[//evil](//evil.example) [data](data:text/html;base64,PHNjcmlwdD4=) [mail](MAILTO:a@b.c) [frag](#top)',
    '![x](javascript:alert(11)) [![img](https://x.example/i.png)](https://ok.example) <https://ok.example/a?b=<c>',
    '3. three\n4. four\n\nline  \nbreak\n\n---\n# h1\n###### h6 <style>*{}</style>',
  ])('keeps hostile Markdown inside the web UI’s allow-list, checked by an HTML parser: %s', (markdown) => {
    const allowed: Record<string, string[]> = {
      ...Object.fromEntries(
        ['p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'del', 'pre', 'blockquote', 'ul', 'li']
          .concat(['table', 'thead', 'tbody', 'tr'])
          .map((tag) => [tag, []]),
      ),
      a: ['href', 'title', 'rel'],
      code: ['class'],
      ol: ['start'],
      th: ['align'],
      td: ['align'],
    };
    const found: { tag: string; attributes: Record<string, string> }[] = [];
    const parser = new Parser({ onopentag: (tag, attributes) => found.push({ tag, attributes }) });
    parser.write(markdownToSafeHtml(markdown));
    parser.end();

    for (const { tag, attributes } of found) {
      expect(Object.keys(allowed), `<${tag}>`).toContain(tag);
      for (const name of Object.keys(attributes)) expect(allowed[tag], `<${tag} ${name}>`).toContain(name);
      if (attributes.href !== undefined) expect(attributes.href).toMatch(/^(https?:|mailto:|#)/i);
      if (attributes.class !== undefined) expect(attributes.class).toMatch(/^language-\S+$/);
    }
  });

  it('keeps what the web UI shows: headings, lists, emphasis, tables, code with its language', () => {
    const html = markdownToSafeHtml(
      '## Title\n\n- *one*\n- **two**\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n```ts\nx < y\n```',
    );

    expect(html).toContain('<h2>Title</h2>');
    expect(html).toContain('<li><em>one</em></li>');
    expect(html).toContain('<li><strong>two</strong></li>');
    expect(html).toContain('<th align="left">a</th>');
    expect(html).toContain('<pre><code class="language-ts">x &lt; y\n</code></pre>');
  });

  it('shows only the active branch by default, every branch with `all`', () => {
    const active = renderHtml(sampleExport());
    const all = renderHtml(sampleExport(), { branches: 'all' });

    expect(active).toContain('Write a debounce function with tests, and run them.');
    expect(active).not.toContain('Review mine:');
    expect(active).toContain('The active branch only (1 other not shown)');
    expect(all).toContain('<section class="branch">\n<h2>Branch 1 of 2 at message 3</h2>');
    expect(all).toContain(
      '<section class="branch active">\n<h2>Branch 2 of 2 at message 3 <span class="badge">active</span></h2>',
    );
    expect(all.indexOf('Review mine:')).toBeLessThan(all.indexOf('Branch 2 of 2'));
  });

  it('shows each message with its role, time and answer facts, and marks a stopped answer', () => {
    const html = renderHtml(sampleExport());

    expect(html).toContain('<h3>1. You <span class="time">· 2026-12-05 14:03 UTC</span></h3>');
    expect(html).toContain(
      '<p class="facts">intent ask · model claude-sonnet-4-5 · 1,834 tokens in, 212 out · $0.0087 · 3.2 s</p>',
    );
    expect(html).toContain('<p class="status"><em>(stopped)</em></p>');
    expect(html).toContain('<p class="feedback">Feedback: 👍</p>');
    expect(html).toContain('<li><code>docs/search</code> ok — 3 pages found for &quot;lodash debounce&quot;</li>');
  });

  it('lists citations as numbered sources and review findings', () => {
    const html = renderHtml(sampleExport(), { branches: 'all' });

    expect(html).toMatch(
      /<h4>Sources<\/h4>\n<ol><li>Debounce with a generic handler \(pattern [\w-]+\) — typescript · relevance 91%.*?<\/li><li>Cancel stale fetches.*?<\/li><li>Throttle vs\. debounce \[notes\]/,
    );
    expect(html).toContain('<h4>Review (typescript): 1 error, 1 warning</h4>');
    expect(html).toContain('<li>error, line 1 (correctness, debounce-clears-timer): The previous timer');
  });

  it('shows each attempt with its code escaped verbatim, its result and its output folded away', () => {
    const html = renderHtml(sampleExport());
    const [failed, passed] = sampleExport().messages.find((message) => message.id === sampleIds.session)!.turn!.details!
      .session!.attempts;

    expect(html).toContain(`<pre><code class="language-typescript">${escapeHtml(failed!.code)}</code></pre>`);
    expect(html).toContain(`<pre><code class="language-typescript">${escapeHtml(passed!.code)}</code></pre>`);
    expect(html).toContain('<p class="result failed"><strong>Failed · exit code 1 · 1.8 s · 2 tests passed, 1 failed');
    expect(html).toContain(
      `<details><summary>Output (stdout/stderr)</summary><pre><code class="language-text">${escapeHtml(failed!.output)}</code></pre></details>`,
    );
    expect(html).toContain('<p class="result passed"><strong>Passed · exit code 0');
    expect(html).toContain('<p class="approval">✅ Approved on 2026-12-05 14:12 UTC · saved as pattern');
  });
});
