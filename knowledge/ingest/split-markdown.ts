import type { CodeChunk } from './code-chunk.ts';

const fenceLanguages: Record<string, string> = {
  ts: 'typescript',
  tsx: 'typescript',
  typescript: 'typescript',
  js: 'javascript',
  jsx: 'javascript',
  javascript: 'javascript',
  py: 'python',
  python: 'python',
  sql: 'sql',
  sh: 'shell',
  bash: 'shell',
  shell: 'shell',
  console: 'shell',
};

/**
 * The sections of a Markdown file that hold code: each heading with the prose
 * and fenced code blocks under it, up to the next heading of any level.
 * Sections without code are not patterns and are left out.
 */
export function splitMarkdown(text: string): CodeChunk[] {
  const lines = text.split('\n');
  const chunks: CodeChunk[] = [];
  let heading: { name: string; line: number } | undefined;
  let body: string[] = [];
  let inFence = false;
  const flush = () => {
    if (!heading) return;
    const blocks = [...body.join('\n').matchAll(/```([\w+-]*)[^\n]*\n([\s\S]*?)```/g)];
    if (blocks.length === 0) return;
    const prose = body
      .join('\n')
      .replace(/```[\s\S]*?```/g, '')
      .trim();
    const firstParagraph =
      prose
        .split(/\n\s*\n/)[0]
        ?.replace(/\s+/g, ' ')
        .trim() ?? '';
    const language = fenceLanguages[blocks[0]![1]!.toLowerCase()] ?? 'text';
    chunks.push({
      name: heading.name,
      kind: 'section',
      language,
      line: heading.line,
      code: blocks.map((block) => block[2]!.trimEnd()).join('\n\n'),
      documentation: firstParagraph,
    });
  };
  lines.forEach((line, index) => {
    if (/^\s*```/.test(line)) inFence = !inFence;
    const match = !inFence && /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (match) {
      flush();
      heading = { name: match[2]!, line: index + 1 };
      body = [];
    } else {
      body.push(line);
    }
  });
  flush();
  return chunks;
}
