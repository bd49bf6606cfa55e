import { describe, expect, it } from 'vitest';
import { escapeHtml, html, safeHref, trustedHtml } from './pattern.ts';

describe('escapeHtml', () => {
  it('escapes the five significant characters', () => {
    expect(escapeHtml(`<img src=x onerror="alert('x')">&`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;');
  });

  it('escapes an ampersand once, so existing entities are shown literally', () => {
    expect(escapeHtml('&lt; is <')).toBe('&amp;lt; is &lt;');
    expect(escapeHtml('plain text')).toBe('plain text');
  });
});

describe('html', () => {
  it('escapes interpolated values but not the template', () => {
    const name = '<script>alert(1)</script>';
    expect(html`<p class="greeting">Hi ${name}</p>`.toString()).toBe('<p class="greeting">Hi &lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('escapes values used inside quoted attributes', () => {
    const title = '" onmouseover="alert(1)';
    expect(String(html`<a title="${title}">x</a>`)).toBe('<a title="&quot; onmouseover=&quot;alert(1)">x</a>');
  });

  it('does not double-escape nested templates and joins arrays', () => {
    const items = ['a&b', '<c>'];
    const list = html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>`;
    expect(list.value).toBe('<ul><li>a&amp;b</li><li>&lt;c&gt;</li></ul>');
  });

  it('renders nothing for null, undefined and false, and numbers as text', () => {
    expect(html`${null}${undefined}${false}${0}${true}`.value).toBe('0true');
  });

  it('passes trusted markup through', () => {
    expect(html`<div>${trustedHtml('<b>bold</b>')}</div>`.value).toBe('<div><b>bold</b></div>');
  });
});

describe('safeHref', () => {
  it('keeps http(s), mailto and relative URLs', () => {
    for (const url of ['https://example.com/a?b=1', 'http://x.test', 'mailto:a@b.test', '/profile', '../up', '#top', '?page=2']) {
      expect(safeHref(url)).toBe(url);
    }
  });

  it('blocks script and data URLs, including obfuscated ones', () => {
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x']) {
      expect(safeHref(url)).toBe('about:blank');
    }
  });
});
