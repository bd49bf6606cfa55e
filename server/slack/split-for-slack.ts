// Splits a long answer into parts Slack accepts, cutting where a reader would: at a blank line, else at a line end,
// else at a space, else anywhere (but not inside a surrogate pair, nor inside a `<url|text>` link or an `&amp;` entity
// that starts in the part's second half). A cut is only taken in the second half of a part, so parts are never tiny. A part cut inside a code fence gets the fence
// closed at its end, and the next part reopens it with the same opening line, so every part is well formed.
// Parts are otherwise exact slices of the text (separators stay at the end of the earlier part); a part that would
// hold nothing but whitespace is dropped, so there is never an empty part.

// A backtick fence's info string cannot hold a backtick: "```x```" at a line start is inline code.
const FENCE_OPEN = /^(\s*)(`{3,}(?=[^`]*$)|~{3,})/;

/** Slack recommends messages of at most 4,000 characters; a section block's text is limited to 3,000. */
export function splitForSlack(text: string, limit = 3_900): string[] {
  return splitAtLimit(text, limit);
}

/** For chat.startStream / chat.appendStream, whose `markdown_text` is limited to 12,000 characters per call. */
export function splitMarkdownForStream(markdown: string, limit = 11_000): string[] {
  return splitAtLimit(markdown, limit);
}

interface OpenFence {
  /** The opening line, without its line break: what the next part starts with. */
  line: string;
  /** Indentation and marker, e.g. "```": what closes the fence. */
  closer: string;
}

function splitAtLimit(text: string, limit: number): string[] {
  const parts: string[] = [];
  let remaining = text;
  let fence: OpenFence | undefined;
  while (remaining.trim() !== '') {
    const reopen = fence ? fence.line + '\n' : '';
    if (reopen.length + remaining.length <= limit) {
      parts.push(reopen + remaining);
      break;
    }
    // Room for a closing fence, unless the part turns out to need more: a cut in the middle of a line can start
    // the next part with an indented fence, so the closer's length is only known once the cut is chosen.
    let budget = limit - reopen.length - 4;
    let next = nextPart(remaining, fence, budget);
    while (reopen.length + next.body.length + next.close.length > limit) {
      budget -= reopen.length + next.body.length + next.close.length - limit;
      next = nextPart(remaining, fence, budget);
    }
    // A part of blank lines alone is dropped: Slack refuses an empty message.
    if (next.body.trim() !== '') parts.push(reopen + next.body + next.close);
    remaining = remaining.slice(next.body.length);
    fence = next.fence;
  }
  return parts;
}

/** The text of the next part (a prefix of `remaining`), what closes it, and the fence open after it. */
function nextPart(remaining: string, fence: OpenFence | undefined, budget: number) {
  if (budget < 2) throw new RangeError('the limit leaves no room for text between code fences');
  let cut = cutPosition(remaining, budget);
  let fenceAtCut = fenceAfter(remaining.slice(0, cut), fence);
  if (fenceAtCut && fenceAtCut !== fence) {
    // A part that would end right after a fence's opening line leaves that line to the next part instead.
    const openerStart = remaining.lastIndexOf(fenceAtCut.line, cut);
    const before = remaining.slice(0, openerStart);
    if (before.trim() !== '' && !remaining.slice(openerStart, cut).trimEnd().includes('\n')) {
      cut = openerStart;
      fenceAtCut = fenceAfter(before, fence);
    }
  }
  const body = remaining.slice(0, cut);
  const close = fenceAtCut ? (body.endsWith('\n') ? '' : '\n') + fenceAtCut.closer : '';
  return { body, close, fence: fenceAtCut };
}

/** Where to end a part of `text` at most `budget` characters long (text is longer than budget). */
function cutPosition(text: string, budget: number): number {
  const window = text.slice(0, budget);
  const earliest = Math.floor(budget / 2);
  const blankLine = window.lastIndexOf('\n\n');
  if (blankLine + 2 > earliest) return blankLine + 2;
  const lineEnd = window.lastIndexOf('\n');
  if (lineEnd + 1 > earliest) return lineEnd + 1;
  const space = window.lastIndexOf(' ');
  const cut = space + 1 > earliest ? space + 1 : budget;
  return outsideToken(window, cut, earliest);
}

/** Moves a mid-line cut back before a Slack link, an entity or half a surrogate pair it would break. */
function outsideToken(window: string, cut: number, earliest: number): number {
  const before = window.slice(0, cut);
  const lineStart = before.lastIndexOf('\n') + 1;
  const linkStart = before.lastIndexOf('<');
  if (linkStart >= lineStart && linkStart > before.lastIndexOf('>') && linkStart > earliest) return linkStart;
  const entity = /&[a-z]{0,4}$/.exec(before);
  if (entity && entity.index > earliest) return entity.index;
  const last = before.charCodeAt(cut - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut - 1 : cut;
}

/** The fence still open at the end of `text`, given the one open at its start. */
function fenceAfter(text: string, fence: OpenFence | undefined): OpenFence | undefined {
  let open = fence;
  for (const line of text.split('\n')) {
    if (open) {
      const marker = open.closer.trim();
      if (new RegExp(`^\\s*${marker[0]}{${marker.length},}\\s*$`).test(line)) open = undefined;
      continue;
    }
    const opener = FENCE_OPEN.exec(line);
    if (opener) open = { line, closer: opener[0] };
  }
  return open;
}
