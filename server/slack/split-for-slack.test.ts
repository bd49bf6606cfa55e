import { describe, expect, it } from 'vitest';
import { splitForSlack, splitMarkdownForStream } from './split-for-slack.ts';

const paragraph = (index: number) => `Paragraph ${index}: ${'words and more words '.repeat(20).trim()}.`;

/** Undoes the fence closed at the end of a part and reopened at the start of the next. */
function rejoin(parts: string[]): string {
  return parts
    .map((part, index) => {
      const reopened = index > 0 && /^\s*```[^\n]*\n/.test(part) && /```\s*$/.test(parts[index - 1] ?? '');
      const closed = index < parts.length - 1 && /^\s*```[^\n]*\n/.test(parts[index + 1] ?? '');
      let text = reopened ? part.replace(/^[^\n]*\n/, '') : part;
      if (closed) text = text.replace(/```$/, '');
      return text;
    })
    .join('');
}

/** Whether every fence in a part is closed. */
const fencesBalanced = (part: string) => (part.match(/^\s*```/gm) ?? []).length % 2 === 0;

describe('splitForSlack', () => {
  it('keeps a short text whole', () => {
    expect(splitForSlack('Short answer.')).toEqual(['Short answer.']);
  });

  it('gives no parts for an empty text', () => {
    expect(splitForSlack('')).toEqual([]);
    expect(splitForSlack('  \n\n ')).toEqual([]);
  });

  it('cuts at blank lines, within the limit, losing nothing', () => {
    const text = Array.from({ length: 40 }, (_, index) => paragraph(index)).join('\n\n');
    const parts = splitForSlack(text, 1_000);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(1_000);
      expect(part).toMatch(/\.\n\n$|\.$/);
    }
    expect(parts.join('')).toBe(text);
  });

  it('cuts at a line end when there is no blank line, then at a space, then anywhere', () => {
    const lines = Array.from({ length: 30 }, (_, index) => `line ${index} ${'x'.repeat(50)}`).join('\n');
    for (const part of splitForSlack(lines, 200).slice(0, -1)) expect(part.endsWith('\n')).toBe(true);

    const words = 'word '.repeat(100);
    const atSpaces = splitForSlack(words, 52);
    for (const part of atSpaces.slice(0, -1)) expect(part.endsWith(' ')).toBe(true);
    expect(atSpaces.join('')).toBe(words);

    const solid = 'y'.repeat(250);
    const hard = splitForSlack(solid, 100);
    expect(hard).toHaveLength(3);
    for (const part of hard) expect(part.length).toBeLessThanOrEqual(100);
    expect(hard.join('')).toBe(solid);
  });

  it('does not cut inside a Slack link, an entity or an emoji', () => {
    const link = '<https://kiln.dev/patterns/42|the retry pattern>';
    const parts = splitForSlack(`${'a'.repeat(60)}${link}${'b'.repeat(60)}`, 100);
    expect(parts.some((part) => part.includes(link))).toBe(true);

    const entities = splitForSlack('&amp;'.repeat(50), 103);
    for (const part of entities) expect(part).toMatch(/^(&amp;)+$/);

    const emoji = splitForSlack('🔥'.repeat(100), 51);
    for (const part of emoji) expect(part).toMatch(/^(🔥)+$/u);
  });

  it('splits a 20,000-character code block into well-formed code blocks', () => {
    const code = Array.from({ length: 600 }, (_, index) => `const value${index} = compute(${index}) * 2; //`).join(
      '\n',
    );
    const text = `Here is the file:\n\n\`\`\`\n${code}\n\`\`\`\n\nThat is the file.`;
    expect(code.length).toBeGreaterThan(20_000);
    const parts = splitForSlack(text);
    expect(parts.length).toBeGreaterThan(5);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(3_900);
      expect(part.trim()).not.toBe('');
      expect(fencesBalanced(part)).toBe(true);
    }
    for (const part of parts.slice(1, -1)) expect(part).toMatch(/^```\nconst[\s\S]*\n```$/);
    expect(rejoin(parts)).toBe(text);
  });

  it('closes and reopens a fence cut in the middle of a long line', () => {
    const text = '```\n' + 'z'.repeat(300) + '\n```';
    const parts = splitForSlack(text, 100);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(100);
      expect(part).toMatch(/^```\nz+\n```$/);
    }
    expect(parts.join('').replace(/[^z]/g, '')).toBe('z'.repeat(300));
  });

  it('stays within the limit when a cut in mid-line starts the next part with an indented fence', () => {
    const text = `${'a'.repeat(30)}        \`\`\`ts\n${'code line\n'.repeat(10)}\`\`\``;
    const parts = splitForSlack(text, 40);
    expect(parts[1]).toMatch(/^ +```ts\n/);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(40);
      expect(fencesBalanced(part)).toBe(true);
    }
  });

  it('does not end a part with a fence that has only just opened', () => {
    const text = `${'intro line\n'.repeat(8)}\`\`\`\n${'code line\n'.repeat(8)}\`\`\``;
    const parts = splitForSlack(text, 100);
    for (const part of parts) expect(part).not.toMatch(/```\n```$/);
    expect(rejoin(parts)).toBe(text);
  });
});

describe('splitMarkdownForStream', () => {
  it('stays under the 12,000 characters a streaming call accepts, reopening fences with their language', () => {
    const code = 'print("hello, <world> & *all*")\n'.repeat(1_000);
    const text = `Intro.\n\n\`\`\`python\n${code}\`\`\`\n`;
    const parts = splitMarkdownForStream(text);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(11_000);
      expect(fencesBalanced(part)).toBe(true);
    }
    for (const part of parts.slice(1)) expect(part.startsWith('```python\n')).toBe(true);
    expect(rejoin(parts)).toBe(text);
  });

  it('keeps a text under the limit in one call', () => {
    const text = 'x'.repeat(11_000);
    expect(splitMarkdownForStream(text)).toEqual([text]);
  });
});
