import type { ToolDescription } from '../mcp/tool-host.ts';

/** A file request the offline planner understood. A missing `path` means the first root. */
export type ToolRequest =
  | { kind: 'list'; path?: string }
  | { kind: 'tree'; path?: string }
  | { kind: 'read'; path: string }
  | { kind: 'search'; pattern: string; path?: string }
  | { kind: 'info'; path: string };

const politeStart = /^(?:(?:please|kindly|kiln,?|hey,?|can you|could you|would you)\s+)+/i;
const politeEnd = /(?:,?\s+please)?[\s?!]*$/i;
const listWords = String.raw`(?:all\s+)?(?:of\s+)?(?:the\s+)?(?:files|contents|entries|items)(?:\s+and\s+(?:folders|directories))?`;

/** Each phrasing, most specific first: "show the files in src" is a listing, not a read of "the files in src". */
const phrasings: [RegExp, (match: RegExpMatchArray) => ToolRequest][] = [
  [
    /^(?:show|print|display|give|get)?\s*(?:me\s+)?(?:the\s+|a\s+)?(?:directory|folder|file)\s+tree(?:\s+(?:of|for|in|under)\s+(.+))?$/i,
    (match) => ({ kind: 'tree', path: match[1] }),
  ],
  [/^tree(?:\s+(.+))?$/i, (match) => ({ kind: 'tree', path: match[1] })],
  [
    new RegExp(
      String.raw`^(?:list|show|display|print|give)\s+(?:me\s+)?${listWords}(?:\s+(?:in|of|under|inside|at)\s+(.+))?$`,
      'i',
    ),
    (match) => ({ kind: 'list', path: match[1] }),
  ],
  [
    /^(?:show\s+me\s+)?what(?:'s|’s|\s+is|\s+are\s+the\s+files)\s+in(?:side)?\s+(.+)$/i,
    (match) => ({ kind: 'list', path: match[1] }),
  ],
  [/^(?:ls|dir)(?:\s+(.+))?$/i, (match) => ({ kind: 'list', path: match[1] })],
  [/^list\s+(?:the\s+)?(?:(?:folder|directory)\s+)?(.+)$/i, (match) => ({ kind: 'list', path: match[1] })],
  [
    /^(?:get\s+|show\s+(?:me\s+)?)?(?:the\s+)?(?:file\s+)?(?:info|information|metadata|details|stats?)\s+(?:for\s+|on\s+|about\s+|of\s+)?(.+)$/i,
    (match) => ({ kind: 'info', path: match[1]! }),
  ],
  [
    /^(?:search|find|look)\s+(?:for\s+)?(?:files?\s+(?:named|matching|called)\s+)?(.+?)\s+(?:in|under|inside)\s+(.+)$/i,
    (match) => ({ kind: 'search', pattern: match[1]!, path: match[2] }),
  ],
  [
    /^(?:search|find)\s+(?:for\s+)?(?:files?\s+(?:named|matching|called)\s+)?(.+)$/i,
    (match) => ({ kind: 'search', pattern: match[1]! }),
  ],
  [
    /^(?:read|show|open|cat|print|display|view)\s+(?:me\s+)?(?:the\s+)?(?:contents?\s+of\s+)?(?:the\s+)?(?:file\s+)?(.+)$/i,
    (match) => ({ kind: 'read', path: match[1]! }),
  ],
];

/** The file request a message makes, in the phrasings the help text lists; undefined when it makes none. */
export function parseToolRequest(message: string): ToolRequest | undefined {
  const text = message.trim().replace(politeStart, '').replace(politeEnd, '');
  for (const [pattern, toRequest] of phrasings) {
    const match = text.match(pattern);
    if (!match) continue;
    const request = toRequest(match);
    if ('pattern' in request) request.pattern = unquote(request.pattern);
    if (request.path !== undefined) request.path = cleanPath(request.path);
    if ((request.kind === 'read' || request.kind === 'info') && !request.path) return undefined;
    return request;
  }
  return undefined;
}

/** The tools that serve each kind of request, preferred first, with the arguments they must accept. */
const toolsFor: Record<ToolRequest['kind'], { names: string[]; needs: string[] }> = {
  list: { names: ['list_directory'], needs: ['path'] },
  tree: { names: ['directory_tree', 'list_directory'], needs: ['path'] },
  read: { names: ['read_text_file', 'read_file'], needs: ['path'] },
  search: { names: ['search_files'], needs: ['path', 'pattern'] },
  info: { names: ['get_file_info'], needs: ['path'] },
};

/** The first tool, in preference order and then server order, whose name and schema fit the request. */
export function chooseTool(request: ToolRequest, tools: ToolDescription[]): ToolDescription | undefined {
  const { names, needs } = toolsFor[request.kind];
  for (const name of names) {
    const tool = tools.find(
      (candidate) =>
        candidate.name === name && needs.every((argument) => argument in (candidate.inputSchema.properties ?? {})),
    );
    if (tool) return tool;
  }
  return undefined;
}

/** What the request is about in words, for answers ("list a folder"). */
export function describeRequest(request: ToolRequest): string {
  return {
    list: 'list a folder',
    tree: 'show a directory tree',
    read: 'read a file',
    search: 'search for files',
    info: 'show file details',
  }[request.kind];
}

/** A path as written: a quoted one as it is; otherwise without trailing sentence punctuation or "the … folder". Undefined for "here". */
function cleanPath(written: string): string | undefined {
  const trimmed = written.trim().replace(/(?<=[^\s./])\.$/, '');
  if (unquote(trimmed) !== trimmed) return unquote(trimmed);
  const path = trimmed
    .replace(/^the\s+(?=\S)/i, '')
    .replace(/\s+(?:folder|directory|dir)$/i, '')
    .replace(/^(?:folder|directory)\s+/i, '');
  return /^(?:\.|\.\/|here|this|current|root|workspace|the root|the workspace)$/i.test(path) || path === ''
    ? undefined
    : path;
}

function unquote(text: string): string {
  const trimmed = text.trim();
  return /^([`'"]).*\1$/.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
}
