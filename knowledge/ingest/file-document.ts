import path from 'node:path';
import type { CodeChunk } from './code-chunk.ts';
import type { DiscoveredFile } from './discover-files.ts';

/** How much of a file a file pattern keeps as its code (its chunks hold the rest in detail). */
const maxFileCode = 20_000;
const maxDocumentation = 1_200;

/**
 * The file as one chunk of its own (kind `file`): what the file says about itself, which function-level chunks
 * lose. Its documentation is the file's header comment or module docstring, the doc comment of its first
 * symbol (a one-job file's job), and what the project's Markdown says of it: the README beside it (a folder
 * that holds one job, as in many algorithm collections) and Markdown sections that name the file. Its code is
 * the file itself (up to 20,000 characters), so its identifiers are searched too.
 */
export function fileChunk(
  file: DiscoveredFile,
  text: string,
  chunks: CodeChunk[],
  /** The project's Markdown files by root-relative path. */
  markdown: ReadonlyMap<string, string>,
): CodeChunk {
  const parts = [headerComment(text, file.language), mainSymbol(file, chunks)?.documentation]
    .concat(readmeNotes(file, markdown))
    .map((part) => part?.trim())
    .filter((part): part is string => Boolean(part));
  const documentation = [...new Set(parts)].join('\n\n').slice(0, maxDocumentation);
  return {
    name: file.path,
    kind: 'file',
    language: file.language,
    line: 1,
    code: text.length > maxFileCode ? `${text.slice(0, maxFileCode)}\n…` : text,
    documentation,
  };
}

/**
 * The symbol a file is about: the one named like the file or its folder (`src/addDays/index.ts` → addDays,
 * `luhn.py` → luhn), else the first documented function or class, else any documented chunk.
 */
function mainSymbol(file: DiscoveredFile, chunks: CodeChunk[]): CodeChunk | undefined {
  const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');
  const parts = file.path.split('/');
  const stem = squash(parts.at(-1)!.replace(/\.[^.]+$/, ''));
  const folder = squash(parts.at(-2) ?? '');
  const documented = chunks.filter((chunk) => chunk.documentation);
  return (
    documented.find((chunk) => [stem, folder].includes(squash(chunk.name.split('.').at(-1)!))) ??
    documented.find((chunk) => chunk.kind === 'function' || chunk.kind === 'class') ??
    documented[0]
  );
}

/** The comment block or docstring that opens a file, as plain text (licence headers left out). */
export function headerComment(text: string, language: DiscoveredFile['language']): string {
  const head = text.replace(/^#!.*\n/, '').slice(0, 4_000);
  const blocks: string[] = [];
  if (language === 'python') {
    const match = /^\s*(?:#[^\n]*\n\s*)*(?:[rRuU]?("""|'''))([\s\S]*?)\1/.exec(head);
    if (match) blocks.push(match[2]!);
    const comments = /^(?:\s*#[^\n]*\n)+/.exec(head);
    if (comments) blocks.push(comments[0].replace(/^\s*#\s?/gm, ''));
  } else {
    let rest = head;
    for (;;) {
      const block = /^\s*\/\*+([\s\S]*?)\*\//.exec(rest);
      const lines = /^(?:\s*\/\/[^\n]*\n)+/.exec(rest);
      if (block) {
        blocks.push(block[1]!.replace(/^\s*\*\s?/gm, ''));
        rest = rest.slice(block[0].length);
      } else if (lines) {
        blocks.push(lines[0].replace(/^\s*\/\/\s?/gm, ''));
        rest = rest.slice(lines[0].length);
      } else break;
    }
  }
  return (
    blocks
      .filter((block) => !/copyright|licen[cs]e|spdx|eslint-disable|@ts-/i.test(block))
      // Tags that only label (`@module`, `@author`) go; describing ones keep their text.
      .map((block) =>
        block
          .replace(/@(summary|description|desc|remarks|file|fileoverview|overview)\b/gi, '')
          .replace(/@\w+[^\n]*/g, '')
          .trim(),
      )
      .filter(Boolean)
      .join('\n')
  );
}

/** What the project's Markdown says of a file: the README beside it, and sections that name it. */
function readmeNotes(file: DiscoveredFile, markdown: ReadonlyMap<string, string>): string[] {
  if (file.language === 'markdown') return [];
  const folder = path.posix.dirname(file.path);
  const notes: string[] = [];
  for (const name of ['README.md', 'readme.md', 'README.markdown']) {
    const readme = markdown.get(folder === '.' ? name : `${folder}/${name}`);
    // The root README describes the whole project, not this file.
    if (readme && folder !== '.') notes.push(opening(readme));
  }
  const stem = path.posix.basename(file.path).replace(/\.[^.]+$/, '');
  if (stem.length >= 4 && !/^(index|main|utils?|types?|helpers?|constants)$/i.test(stem)) {
    const named = new RegExp(`\\b${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
    for (const [markdownPath, text] of markdown) {
      if (path.posix.dirname(markdownPath) === folder) continue;
      for (const section of sections(text)) if (named.test(section)) notes.push(opening(section));
      if (notes.length >= 3) break;
    }
  }
  return notes;
}

/**
 * The Markdown's first heading and its opening prose (up to 600 characters), without images, links' targets,
 * code, tables and "read this in other languages" notes.
 */
function opening(text: string): string {
  const prose = text
    .replace(/```[\s\S]*?```/g, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '');
  const paragraphs = prose
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  const heading = paragraphs[0]?.startsWith('#') ? paragraphs[0].replace(/^#+\s*/, '') : undefined;
  const body: string[] = [];
  for (const paragraph of paragraphs) {
    if (body.join(' ').length >= 600 || (body.length && paragraph.startsWith('#'))) break;
    if (/^[#|]/.test(paragraph) || /read this in other languages/i.test(paragraph)) continue;
    body.push(paragraph.replace(/\s+/g, ' '));
  }
  return [heading, body.join(' ')].filter(Boolean).join(': ').slice(0, 600);
}

function sections(text: string): string[] {
  return text.split(/\n(?=#{1,6}\s)/);
}
