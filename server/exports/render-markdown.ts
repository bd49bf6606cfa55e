import { fenced } from './fenced.ts';
import type { ConversationExport, ExportedMessage } from '../../protocol/conversation-export.ts';
import type { SessionAttemptRecord, SessionRecord, ToolCallRecord } from '../../protocol/turn-details.ts';
import type { Citation, ReviewFinding } from '../../protocol/turn-events.ts';

export interface RenderOptions {
  /** `active` (default): the branch shown in Kiln; `all`: every branch, each alternative marked where it forks. */
  branches?: 'active' | 'all';
}

/**
 * What a reader sees of a conversation, in order: its messages, numbered by their place in the thread, and (with
 * every branch) the alternatives of each fork as nested groups, oldest first, like the web UI's "2 / 3" switcher.
 */
export type OutlineEntry =
  | { kind: 'message'; message: ExportedMessage; number: number }
  | {
      kind: 'branch';
      /** 1-based, of `count`, at message `atMessage`. */
      index: number;
      count: number;
      atMessage: number;
      /** This alternative is on the path to the active leaf. */
      active: boolean;
      /** `edit` when the alternatives are questions, `regeneration` when they are answers. */
      cause: 'edit' | 'regeneration';
      entries: OutlineEntry[];
    };

export function outlineOf(doc: ConversationExport, branches: 'active' | 'all' = 'active'): OutlineEntry[] {
  const known = new Set(doc.messages.map((message) => message.id));
  const children = new Map<string | null, ExportedMessage[]>();
  for (const message of doc.messages) {
    const parent = message.parentId !== null && known.has(message.parentId) ? message.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), message]);
  }
  const active = activePath(doc, children);
  if (branches === 'active') return active.map((message, index) => ({ kind: 'message', message, number: index + 1 }));

  const onActivePath = new Set(active.map((message) => message.id));
  const walk = (first: ExportedMessage, number: number): OutlineEntry[] => {
    const entries: OutlineEntry[] = [];
    let message: ExportedMessage | undefined = first;
    for (let visited = 0; message && visited <= doc.messages.length; visited++) {
      entries.push({ kind: 'message', message, number });
      number++;
      const next: ExportedMessage[] = children.get(message.id) ?? [];
      if (next.length > 1) return [...entries, ...fork(next, number)];
      message = next[0];
    }
    return entries;
  };
  const fork = (alternatives: ExportedMessage[], atMessage: number): OutlineEntry[] =>
    alternatives.map((alternative, index) => ({
      kind: 'branch',
      index: index + 1,
      count: alternatives.length,
      atMessage,
      active: onActivePath.has(alternative.id),
      cause: alternative.role === 'assistant' ? 'regeneration' : 'edit',
      entries: walk(alternative, atMessage),
    }));
  const roots = children.get(null) ?? [];
  if (roots.length === 1) return walk(roots[0]!, 1);
  return fork(roots, 1);
}

/** Root to the active leaf; with no (known) active leaf, to the newest leaf. */
function activePath(doc: ConversationExport, children: Map<string | null, ExportedMessage[]>): ExportedMessage[] {
  const byId = new Map(doc.messages.map((message) => [message.id, message]));
  const leaf =
    (doc.conversation.activeLeafId !== null ? byId.get(doc.conversation.activeLeafId) : undefined) ??
    doc.messages.findLast((message) => !children.has(message.id));
  const path: ExportedMessage[] = [];
  for (let message = leaf; message && !path.includes(message);) {
    path.unshift(message);
    message = message.parentId !== null ? byId.get(message.parentId) : undefined;
  }
  return path;
}

/** How many alternatives `all` would show beyond the active branch (leaves other than the active one). */
export function otherBranchCount(doc: ConversationExport): number {
  const parents = new Set(doc.messages.map((message) => message.parentId));
  return Math.max(0, doc.messages.filter((message) => !parents.has(message.id)).length - 1);
}

export function branchLabel(entry: Extract<OutlineEntry, { kind: 'branch' }>): string {
  return `branch ${entry.index} of ${entry.count} at message ${entry.atMessage}`;
}

// Plain-text descriptions, shared by the Markdown and HTML renderers (each escapes them its own way).

/** `2026-12-05 14:03 UTC`; the input as it is when it is not a date. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function formatDuration(milliseconds: number): string {
  return milliseconds < 1000 ? `${milliseconds} ms` : `${(milliseconds / 1000).toFixed(1)} s`;
}

export function roleName(message: ExportedMessage): string {
  return message.role === 'user' ? 'You' : message.role === 'assistant' ? 'Kiln' : 'System';
}

/** Intent, engine, tokens, cost and time of an answer. */
export function answerFacts(message: ExportedMessage): string[] {
  const turn = message.turn;
  const facts: string[] = [];
  if (turn?.intent) facts.push(`intent ${turn.intent.intent}`);
  if (turn) facts.push(turn.engine.provider === 'offline' ? 'offline engine' : `model ${turn.engine.model}`);
  const usage = message.usage ?? turn?.usage ?? null;
  if (usage) {
    facts.push(
      `${usage.inputTokens.toLocaleString('en-US')} tokens in, ${usage.outputTokens.toLocaleString('en-US')} out`,
    );
    if (usage.costUsd !== null) facts.push(`$${usage.costUsd.toFixed(usage.costUsd < 0.01 ? 4 : 2)}`);
  }
  if (turn?.latency) facts.push(formatDuration(turn.latency.totalMs));
  return facts;
}

/** `(stopped)`, `(failed: …)` and the like; null for a complete message without error. */
export function statusNote(message: ExportedMessage): string | null {
  const error = message.turn?.error;
  const reason = error ? `: ${error.message}` : '';
  switch (message.status) {
    case 'complete':
      return error ? `(error${reason})` : null;
    case 'streaming':
      return '(still being written when exported)';
    default:
      return `(${message.status}${reason})`;
  }
}

export function citationText(citation: Citation): string {
  const facts = [citation.language];
  if (citation.relevance !== undefined) facts.push(`relevance ${Math.round(citation.relevance * 100)}%`);
  else facts.push(`score ${citation.score.toFixed(2)}`);
  if (citation.project) facts.push(`project ${citation.project.name}`);
  if (citation.path) facts.push(citation.path);
  return `${citation.title} (pattern ${citation.patternId}) — ${facts.join(' · ')}`;
}

export function toolCallText(call: ToolCallRecord): string {
  const confirmation =
    call.confirmation === 'refused'
      ? 'refused by the user'
      : call.confirmation === 'timeout'
        ? 'not run: nobody confirmed it in time'
        : call.confirmation === 'pending'
          ? 'awaiting confirmation'
          : null;
  const outcome = call.result ? `${call.result.ok ? 'ok' : 'failed'} — ${call.result.summary}` : 'no result';
  return confirmation && !call.result ? confirmation : outcome;
}

export function findingText(finding: ReviewFinding): string {
  return `${finding.severity}, line ${finding.line} (${finding.category}, ${finding.rule}): ${finding.message} Suggestion: ${finding.suggestion}`;
}

/** `Failed · exit code 1 · 1.8 s · 2 tests passed, 1 failed`; null before the attempt ran. */
export function attemptResultText(attempt: SessionAttemptRecord): string | null {
  const result = attempt.result;
  if (!result) return attempt.runId === null ? 'Not run' : null;
  const facts = [
    result.passed ? 'Passed' : 'Failed',
    `exit code ${result.exitCode}`,
    formatDuration(result.durationMs),
  ];
  if (result.timedOut) facts.push('timed out');
  if (result.oom) facts.push('out of memory');
  if (result.truncated) facts.push('output over its limit');
  if (result.tests) facts.push(`${result.tests.passed} tests passed, ${result.tests.failed} failed`);
  return facts.join(' · ');
}

export function sessionOutcomeText(session: SessionRecord): string | null {
  const outcome = session.outcome;
  if (!outcome) return session.phase ? `Code session unfinished (phase ${session.phase})` : null;
  const verdict = outcome.status === 'not-run' ? 'not run' : outcome.status;
  return `Code session ${verdict} after ${outcome.attempts} attempt${outcome.attempts === 1 ? '' : 's'}: ${outcome.reason}`;
}

export function approvalText(session: SessionRecord): string | null {
  const approval = session.approval;
  if (!approval) return null;
  const verb = approval.decision === 'approve' ? 'Approved' : 'Rejected';
  const parts = [`${verb} on ${formatTime(approval.at)}`];
  if (approval.patternId) {
    parts.push(
      approval.duplicate ? `already stored as pattern ${approval.patternId}` : `saved as pattern ${approval.patternId}`,
    );
  }
  if (approval.note) parts.push(`note: ${approval.note}`);
  return parts.join(' · ');
}

export const feedbackMark = { up: '👍', down: '👎' } as const;

/**
 * A conversation as one Markdown document: title, export date and project, then each message under a heading with
 * its role and time, its content verbatim, and what the answer showed beside it (review findings, tool calls, code
 * session attempts with their output folded in `<details>`, citations as footnotes, feedback).
 */
export function renderMarkdown(doc: ConversationExport, options: RenderOptions = {}): string {
  const branches = options.branches ?? 'active';
  const blocks: string[] = [`# ${inline(doc.conversation.title)}`, header(doc, branches)];
  const footnotes = { next: 1 };
  const render = (entries: OutlineEntry[], trail: string[]) => {
    for (const entry of entries) {
      if (entry.kind === 'message') {
        blocks.push(...messageBlocks(entry.message, entry.number, footnotes));
        continue;
      }
      const path = [...trail, branchLabel(entry)];
      const heading = path.join(' › ');
      blocks.push(`## ${heading[0]!.toUpperCase()}${heading.slice(1)}${entry.active ? ' (active)' : ''}`);
      const what = entry.cause === 'edit' ? 'an edited question' : 'a regenerated answer';
      blocks.push(`_Alternative ${entry.index} of ${entry.count} from message ${entry.atMessage} on (${what})._`);
      render(entry.entries, path);
    }
  };
  render(outlineOf(doc, branches), []);
  return `${blocks.join('\n\n')}\n`;
}

function header(doc: ConversationExport, branches: 'active' | 'all'): string {
  const { conversation } = doc;
  const lines = [`- Exported: ${formatTime(doc.exportedAt)} (Kiln ${inline(doc.kilnVersion)})`];
  if (conversation.project) lines.push(`- Project: ${inline(conversation.project.name)}`);
  lines.push(`- Started: ${formatTime(conversation.createdAt)} · last message: ${formatTime(conversation.updatedAt)}`);
  if (conversation.origin) lines.push(`- Imported from: ${conversation.origin.format}`);
  const others = otherBranchCount(doc);
  if (branches === 'all' && others > 0)
    lines.push(`- Branches: all ${others + 1}; the one shown in Kiln is marked active`);
  if (branches === 'active' && others > 0) {
    lines.push(`- Branches: the active one only (${others} other${others === 1 ? '' : 's'} not shown)`);
  }
  return lines.join('\n');
}

function messageBlocks(message: ExportedMessage, number: number, footnotes: { next: number }): string[] {
  const blocks = [`### ${number}. ${roleName(message)} · ${formatTime(message.createdAt)}`];
  const facts = message.role === 'assistant' ? answerFacts(message) : [];
  if (facts.length > 0) blocks.push(`_${inline(facts.join(' · '))}_`);
  if (message.content !== '') blocks.push(closeOpenFence(message.content));
  const note = statusNote(message);
  if (note) blocks.push(`_${inline(note)}_`);
  const details = message.turn?.details;
  if (details?.retrievalNotice) blocks.push(`> ${inline(details.retrievalNotice)}`);
  if (details?.review) {
    const { review } = details;
    const findings = review.findings.map((finding) => `- ${inline(findingText(finding))}`);
    blocks.push([`**Review** (${inline(review.language)}): ${inline(review.summary)}`, '', ...findings].join('\n'));
  }
  if (details && details.toolCalls.length > 0) {
    const calls = details.toolCalls.map(
      (call) => `- ${codeSpan(`${call.server}/${call.tool}`)} ${inline(toolCallText(call))}`,
    );
    blocks.push(['**Tool calls**', '', ...calls].join('\n'));
  }
  if (details?.session) blocks.push(...sessionBlocks(details.session));
  if (details && details.citations.length > 0) {
    const numbers = details.citations.map(() => footnotes.next++);
    blocks.push(`Sources: ${numbers.map((n) => `[^${n}]`).join(' ')}`);
    blocks.push(
      details.citations.map((citation, i) => `[^${numbers[i]}]: ${inline(citationText(citation))}`).join('\n'),
    );
  }
  if (message.feedback) blocks.push(`Feedback: ${feedbackMark[message.feedback]}`);
  return blocks;
}

function sessionBlocks(session: SessionRecord): string[] {
  const blocks: string[] = [];
  for (const attempt of session.attempts) {
    blocks.push(`**Attempt ${attempt.attempt}** (${inline(attempt.language)})`);
    if (attempt.repairs) blocks.push(`Repairs: ${inline(attempt.repairs.message)}`);
    blocks.push(fenced(attempt.code, attempt.language));
    if (attempt.tests) blocks.push('Tests:', fenced(attempt.tests, attempt.language));
    const result = attemptResultText(attempt);
    if (result) blocks.push(`Result: **${inline(result)}**`);
    const failures = attempt.result?.tests?.failures ?? [];
    if (failures.length > 0)
      blocks.push(failures.map((failure) => `- ${inline(`${failure.name}: ${failure.message}`)}`).join('\n'));
    if (attempt.output !== '') {
      const cut = attempt.outputCut ? '\n\n_(output cut: only its beginning was kept)_' : '';
      blocks.push(
        `<details>\n<summary>Output (stdout/stderr)</summary>\n\n${fenced(attempt.output, 'text')}${cut}\n\n</details>`,
      );
    }
  }
  const outcome = sessionOutcomeText(session);
  if (outcome) blocks.push(`**${inline(outcome)}**`);
  const approval = approvalText(session);
  if (approval) blocks.push(`${session.approval?.decision === 'approve' ? '✅' : '❌'} ${inline(approval)}`);
  return blocks;
}

function codeSpan(text: string): string {
  let longest = 0;
  for (const run of text.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  const ticks = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

/** Text on one line with Markdown's syntax escaped (titles, summaries: not Markdown themselves). */
function inline(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_[\]<>|~&#]/g, '\\$&');
}

/**
 * The content as it is, plus a closing fence when a code block is left open (an answer stopped mid-block), so the
 * rest of the document is not swallowed by it.
 */
function closeOpenFence(content: string): string {
  let open: { character: string; length: number } | null = null;
  for (const line of content.split('\n')) {
    if (open) {
      const closing = /^ {0,3}(`+|~+)[ \t]*\r?$/.exec(line)?.[1];
      if (closing && closing[0] === open.character && closing.length >= open.length) open = null;
      continue;
    }
    const opening = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/.exec(line)?.[1];
    if (opening) open = { character: opening[0]!, length: opening.length };
  }
  return open ? `${content}\n${open.character.repeat(open.length)}` : content;
}
