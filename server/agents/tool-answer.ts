import path from 'node:path';
import { hideRootPaths } from '../mcp/hide-root-paths.ts';
import type { ToolError } from '../mcp/tool-error.ts';
import type { ToolDescription, ToolListing } from '../mcp/tool-host.ts';
import { describeRequest, type ToolRequest } from './tool-request.ts';

/** One planned call: what was asked, the tool chosen, its arguments, and the path as the user will recognise it. */
export interface ToolCallPlan {
  request: ToolRequest;
  tool: ToolDescription;
  args: Record<string, unknown>;
  shownPath: string;
}

const maxListed = 200;
const maxFileCharacters = 20_000;

/** A readable answer from a tool's real output: listings as lists, files in fences, anything else verbatim. */
export function answerFromResult(plan: ToolCallPlan, output: string): string {
  const where = code(plan.shownPath);
  switch (plan.tool.name) {
    case 'list_directory':
      return listingAnswer(where, output);
    case 'directory_tree':
      return treeAnswer(where, output);
    case 'read_text_file':
    case 'read_file': {
      const shown = output.length > maxFileCharacters ? output.slice(0, maxFileCharacters) : output;
      const note =
        shown.length < output.length
          ? `\n\n(The first ${maxFileCharacters.toLocaleString('en')} of ${output.length.toLocaleString('en')} characters.)`
          : '';
      return `${where}:\n\n${fence(shown, path.extname(plan.shownPath).slice(1))}${note}\n`;
    }
    case 'search_files': {
      const pattern = code(String(plan.args.pattern));
      const matches = output.split('\n').filter((line) => line.trim() && line.trim() !== 'No matches found');
      if (matches.length === 0) return `No file or folder under ${where} matches ${pattern}.\n`;
      const base = String(plan.args.path);
      const shown = matches
        .slice(0, maxListed)
        .map((match) => `- ${code(path.isAbsolute(match) ? path.relative(base, match) || '.' : match)}`);
      return `${count(matches.length, 'match', 'matches')} for ${pattern} under ${where}:\n\n${shown.join('\n')}${more(matches.length)}\n`;
    }
    case 'get_file_info': {
      const facts = output
        .split('\n')
        .filter((line) => line.includes(':'))
        .map((line) => `- **${line.slice(0, line.indexOf(':'))}**: ${line.slice(line.indexOf(':') + 1).trim()}`);
      return `${where}:\n\n${facts.length ? facts.join('\n') : fence(output, 'text')}\n`;
    }
    default:
      return `${code(plan.tool.name)} on ${plan.tool.server} returned:\n\n${fence(output, 'text')}\n`;
  }
}

/** Why the call produced nothing, in the server's words, and what to do about it; roots named, never spelled out (`workspace/notes.md`). */
export function answerFromFailure(plan: ToolCallPlan, error: ToolError, roots: string[]): string {
  const asked = `I asked the **${plan.tool.server}** server to ${describeRequest(plan.request)} (${code(plan.tool.name)} on ${code(plan.shownPath)})`;
  let advice = '';
  if (/outside allowed directories|access denied/i.test(error.message)) {
    advice = roots.length
      ? `\n\nIt may only read inside ${roots.map(code).join(', ')}. To let Kiln read other folders, add them to \`MCP_FILESYSTEM_ROOTS\` and restart Kiln.`
      : '\n\nThat path is outside the folders this server may read.';
  } else if (/ENOENT|no such file/i.test(error.message)) {
    advice = `\n\nThere is no such file or folder${roots[0] ? `; relative paths start at ${code(roots[0])}` : ''}.`;
  }
  return hideRootPaths(`${asked}, and it failed: ${error.message}${advice}\n`, roots);
}

/** The answer when a message maps to no tool: what Kiln can do offline, and every tool it has. */
export function helpAnswer(listing: ToolListing, roots: string[], request: ToolRequest | undefined): string {
  const opening = request
    ? `None of the available MCP servers has a tool to ${describeRequest(request)}.`
    : 'I could not turn that into a tool call. Without a language model, the tool agent understands requests like these:';
  const examples = [
    "`list the files in src` or `what's in src`",
    '`show the directory tree of src`',
    '`read src/index.ts`',
    '`search for *.test.ts in src`',
    '`file info package.json`',
  ];
  const parts = [request ? opening : `${opening}\n\n${examples.map((example) => `- ${example}`).join('\n')}`];
  if (roots[0]) parts.push(`Relative paths start at ${code(roots[0])}.`);
  parts.push(
    listing.tools.length
      ? `Available tools:\n\n${listing.tools.map((tool) => `- **${tool.server}** · ${code(tool.name)}${tool.description ? ` — ${firstSentence(tool.description)}` : ''}`).join('\n')}`
      : 'No MCP server is available. Kiln starts the built-in filesystem server unless `MCP_FILESYSTEM_ROOTS=off`, and reads more servers from `MCP_CONFIG`.',
  );
  if (listing.unavailable.length)
    parts.push(
      `Unavailable:\n\n${listing.unavailable.map(({ server, reason }) => `- **${server}**: ${reason}`).join('\n')}`,
    );
  return `${parts.join('\n\n')}\n`;
}

function listingAnswer(where: string, output: string): string {
  const entries = output.split('\n').filter((line) => line.trim());
  const parsed = entries.map((line) => line.match(/^\[(DIR|FILE)\]\s+(.+)$/));
  if (parsed.some((match) => !match)) return `${where}:\n\n${fence(output, 'text')}\n`;
  if (entries.length === 0) return `${where} is empty.\n`;
  const folders = parsed
    .filter((match) => match![1] === 'DIR')
    .map((match) => `${match![2]}/`)
    .sort();
  const files = parsed
    .filter((match) => match![1] === 'FILE')
    .map((match) => match![2]!)
    .sort();
  const shown = [...folders, ...files].slice(0, maxListed).map((name) => `- ${code(name)}`);
  return `${where} holds ${count(files.length, 'file', 'files')} and ${count(folders.length, 'folder', 'folders')}:\n\n${shown.join('\n')}${more(entries.length)}\n`;
}

interface TreeEntry {
  name: string;
  type: string;
  children?: TreeEntry[];
}

function treeAnswer(where: string, output: string): string {
  let entries: TreeEntry[];
  try {
    entries = JSON.parse(output) as TreeEntry[];
    if (!Array.isArray(entries)) throw new TypeError('not a list');
  } catch {
    return `${where}:\n\n${fence(output, 'text')}\n`;
  }
  const lines: string[] = [];
  const walk = (level: TreeEntry[], depth: number) => {
    for (const entry of level) {
      lines.push(`${'  '.repeat(depth)}${entry.name}${entry.type === 'directory' ? '/' : ''}`);
      if (entry.children) walk(entry.children, depth + 1);
    }
  };
  walk(entries, 0);
  if (lines.length === 0) return `${where} is empty.\n`;
  const note = lines.length > maxListed * 2 ? `\n\n(The first ${maxListed * 2} of ${lines.length} entries.)` : '';
  return `${where}:\n\n${fence(lines.slice(0, maxListed * 2).join('\n'), 'text')}${note}\n`;
}

/** A fenced block that survives backticks in its content. */
function fence(content: string, language: string): string {
  const longest = Math.max(2, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}${/^[a-z0-9]+$/i.test(language) ? language : ''}\n${content.replace(/\n$/, '')}\n${marks}`;
}

const code = (text: string) => (text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``);
const count = (amount: number, one: string, many: string) =>
  `${amount.toLocaleString('en')} ${amount === 1 ? one : many}`;
const more = (total: number) =>
  total > maxListed ? `\n\n(The first ${maxListed} of ${total.toLocaleString('en')}.)` : '';

function firstSentence(description: string): string {
  const sentence = description.split(/(?<=\.)\s/)[0]!.trim();
  return sentence.length > 160 ? `${sentence.slice(0, 157)}…` : sentence;
}
