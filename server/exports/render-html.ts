import { Marked, type Renderer, type Tokens } from 'marked';
import type { ConversationExport, ExportedMessage } from '../../protocol/conversation-export.ts';
import type { SessionRecord, TurnDetails } from '../../protocol/turn-details.ts';
import {
  answerFacts,
  approvalText,
  attemptResultText,
  branchLabel,
  citationText,
  feedbackMark,
  findingText,
  formatTime,
  otherBranchCount,
  outlineOf,
  roleName,
  sessionOutcomeText,
  statusNote,
  toolCallText,
  type OutlineEntry,
  type RenderOptions,
} from './render-markdown.ts';

/**
 * A conversation as one self-contained HTML file (no script, no external resource): readable on screen and made
 * for the browser's Print → PDF. Same structure as the Markdown export; message content is rendered from Markdown
 * and sanitised like the web UI does, so nothing a model wrote can run or load anything when the file is opened.
 */
export function renderHtml(doc: ConversationExport, options: RenderOptions = {}): string {
  const branches = options.branches ?? 'active';
  const { conversation } = doc;
  const facts = [`Exported ${formatTime(doc.exportedAt)} (Kiln ${doc.kilnVersion})`];
  if (conversation.project) facts.push(`Project: ${conversation.project.name}`);
  facts.push(`Started ${formatTime(conversation.createdAt)} · last message ${formatTime(conversation.updatedAt)}`);
  if (conversation.origin) facts.push(`Imported from ${conversation.origin.format}`);
  const others = otherBranchCount(doc);
  if (others > 0) {
    facts.push(
      branches === 'all'
        ? `All ${others + 1} branches; the one shown in Kiln is marked active`
        : `The active branch only (${others} other${others === 1 ? '' : 's'} not shown)`,
    );
  }
  const title = escapeHtml(conversation.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${stylesheet}</style>
</head>
<body>
<main>
<header class="conversation">
<h1>${title}</h1>
<ul class="facts">${facts.map((fact) => `<li>${escapeHtml(fact)}</li>`).join('')}</ul>
</header>
${entriesHtml(outlineOf(doc, branches), [])}
</main>
</body>
</html>
`;
}

function entriesHtml(entries: OutlineEntry[], trail: string[]): string {
  return entries
    .map((entry) => {
      if (entry.kind === 'message') return messageHtml(entry.message, entry.number);
      const path = [...trail, branchLabel(entry)];
      const heading = path.join(' › ');
      const what = entry.cause === 'edit' ? 'an edited question' : 'a regenerated answer';
      return `<section class="branch${entry.active ? ' active' : ''}">
<h2>${escapeHtml(heading[0]!.toUpperCase() + heading.slice(1))}${entry.active ? ' <span class="badge">active</span>' : ''}</h2>
<p class="note">Alternative ${entry.index} of ${entry.count} from message ${entry.atMessage} on (${what}).</p>
${entriesHtml(entry.entries, path)}
</section>`;
    })
    .join('\n');
}

function messageHtml(message: ExportedMessage, number: number): string {
  const parts = [
    `<h3>${number}. ${roleName(message)} <span class="time">· ${escapeHtml(formatTime(message.createdAt))}</span></h3>`,
  ];
  const facts = message.role === 'assistant' ? answerFacts(message) : [];
  if (facts.length > 0) parts.push(`<p class="facts">${escapeHtml(facts.join(' · '))}</p>`);
  if (message.content !== '') parts.push(`<div class="content">${markdownToSafeHtml(message.content)}</div>`);
  const note = statusNote(message);
  if (note) parts.push(`<p class="status"><em>${escapeHtml(note)}</em></p>`);
  const details = message.turn?.details;
  if (details) parts.push(...detailsHtml(details));
  if (message.feedback) parts.push(`<p class="feedback">Feedback: ${feedbackMark[message.feedback]}</p>`);
  return `<article class="message ${message.role}" id="message-${escapeHtml(message.id)}">\n${parts.join('\n')}\n</article>`;
}

function detailsHtml(details: TurnDetails): string[] {
  const parts: string[] = [];
  if (details.retrievalNotice) parts.push(`<p class="notice">${escapeHtml(details.retrievalNotice)}</p>`);
  if (details.review) {
    const { review } = details;
    parts.push(`<section class="review"><h4>Review (${escapeHtml(review.language)}): ${escapeHtml(review.summary)}</h4>
${list(review.findings.map(findingText))}</section>`);
  }
  if (details.toolCalls.length > 0) {
    const calls = details.toolCalls.map(
      (call) => `<li><code>${escapeHtml(`${call.server}/${call.tool}`)}</code> ${escapeHtml(toolCallText(call))}</li>`,
    );
    parts.push(`<section class="tools"><h4>Tool calls</h4><ul>${calls.join('')}</ul></section>`);
  }
  if (details.session) parts.push(sessionHtml(details.session));
  if (details.citations.length > 0) {
    parts.push(`<section class="sources"><h4>Sources</h4>
<ol>${details.citations.map((citation) => `<li>${escapeHtml(citationText(citation))}</li>`).join('')}</ol></section>`);
  }
  return parts;
}

function sessionHtml(session: SessionRecord): string {
  const parts: string[] = [];
  for (const attempt of session.attempts) {
    parts.push(`<h4>Attempt ${attempt.attempt} (${escapeHtml(attempt.language)})</h4>`);
    if (attempt.repairs) parts.push(`<p>Repairs: ${escapeHtml(attempt.repairs.message)}</p>`);
    parts.push(codeBlock(attempt.code, attempt.language));
    if (attempt.tests) parts.push('<p>Tests:</p>', codeBlock(attempt.tests, attempt.language));
    const result = attemptResultText(attempt);
    const verdict = attempt.result?.passed ? 'passed' : 'failed';
    if (result) parts.push(`<p class="result ${verdict}"><strong>${escapeHtml(result)}</strong></p>`);
    const failures = attempt.result?.tests?.failures ?? [];
    if (failures.length > 0) parts.push(list(failures.map((failure) => `${failure.name}: ${failure.message}`)));
    if (attempt.output !== '') {
      const cut = attempt.outputCut ? '<p class="note">Output cut: only its beginning was kept.</p>' : '';
      parts.push(
        `<details><summary>Output (stdout/stderr)</summary>${codeBlock(attempt.output, 'text')}${cut}</details>`,
      );
    }
  }
  const outcome = sessionOutcomeText(session);
  if (outcome) parts.push(`<p class="outcome"><strong>${escapeHtml(outcome)}</strong></p>`);
  const approval = approvalText(session);
  if (approval) {
    const mark = session.approval?.decision === 'approve' ? '✅' : '❌';
    parts.push(`<p class="approval">${mark} ${escapeHtml(approval)}</p>`);
  }
  return `<section class="session">\n${parts.join('\n')}\n</section>`;
}

function codeBlock(code: string, language: string): string {
  const safeLanguage = language.replace(/[^\w+#.-]/g, '');
  return `<pre><code class="language-${safeLanguage}">${escapeHtml(code)}</code></pre>`;
}

function list(items: string[]): string {
  return `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character]!);
}

/** Link targets a file may keep: the web UI's (client/src/lib/markdown/render-markdown.ts); others lose the href. */
const allowedHref = /^(?:https?:|mailto:|#)/i;
const linkRel = 'noopener noreferrer nofollow';

/**
 * Markdown as inert HTML, safe by construction rather than cleaned afterwards: every tag comes from marked's
 * renderer, whose text and attributes it escapes, and the renderers below take away the only ways Markdown has to
 * bring in anything else (raw HTML is shown as text, images keep their alt text, links keep an href only with an
 * allowed scheme). The result stays inside the web UI's allow-list (p, br, hr, h1-h6, strong, em, del, code, pre,
 * blockquote, lists, a, tables; href, title, class="language-…", start, align), which a test checks with an HTML
 * sanitiser on hostile input. (sanitize-html, used first, promoted most of what it allocated into V8's old space:
 * hundreds of MB of heap during an export of 10,000 conversations.)
 */
const marked = new Marked({
  gfm: true,
  renderer: {
    // As in the web UI: raw HTML in a message is shown as text, never parsed; only Markdown makes markup.
    html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
    // Images would load from elsewhere: the file keeps their alt text only.
    image: ({ text }: Tokens.Image) => escapeHtml(text),
    checkbox: ({ checked }: Tokens.Checkbox) => (checked ? '☑ ' : '☐ '),
    link(this: Renderer, { href, title, tokens }: Tokens.Link) {
      const text = this.parser.parseInline(tokens);
      const target = href.trim();
      const attributes = [
        ...(allowedHref.test(target) ? [`href="${escapeHtml(target)}"`] : []),
        ...(title ? [`title="${escapeHtml(title)}"`] : []),
        `rel="${linkRel}"`,
      ];
      return `<a ${attributes.join(' ')}>${text}</a>`;
    },
  },
});

/** Untrusted Markdown (a message) as inert HTML. */
export function markdownToSafeHtml(markdown: string): string {
  return marked.parse(markdown, { async: false });
}

/** Screen: one readable column. Print: black on white, no backgrounds, no breaks inside code, links with their URL. */
const stylesheet = `
:root { color-scheme: light; }
body { margin: 0; background: #fff; color: #1f2328; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 50rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: 0 0 .5rem; overflow-wrap: anywhere; }
.facts { color: #57606a; font-size: .9rem; }
ul.facts { list-style: none; padding: 0; margin: 0 0 2rem; }
h2 { font-size: 1.15rem; margin: 2.5rem 0 .25rem; padding-top: .75rem; border-top: 3px double #d0d7de; }
h3 { font-size: 1rem; margin: 0 0 .25rem; }
h4 { font-size: .95rem; margin: 1rem 0 .25rem; }
.time, .note { color: #57606a; font-weight: normal; }
.badge { font-size: .75rem; font-weight: 600; padding: .05rem .45rem; border: 1px solid #1a7f37; border-radius: 1rem; color: #1a7f37; vertical-align: middle; }
.branch { border-left: 3px solid #d0d7de; padding-left: 1rem; }
.branch.active { border-left-color: #1a7f37; }
.message { margin: 1.5rem 0; padding: 1rem 1.25rem; border: 1px solid #d0d7de; border-radius: 8px; }
.message.user { background: #f6f8fa; }
.content { overflow-wrap: anywhere; }
.content > :first-child { margin-top: .5rem; }
.content > :last-child { margin-bottom: 0; }
code, pre { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: .875em; }
:not(pre) > code { background: #eff1f3; padding: .1em .35em; border-radius: 4px; }
pre { overflow-x: auto; padding: .75rem 1rem; background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; line-height: 1.45; }
.message.user pre { background: #fff; }
blockquote { margin: 0; padding: 0 1rem; color: #57606a; border-left: 4px solid #d0d7de; }
table { border-collapse: collapse; display: block; overflow-x: auto; }
th, td { border: 1px solid #d0d7de; padding: .3rem .7rem; }
a { color: #0969da; }
.notice { color: #9a6700; }
.result.passed, .approval { color: #1a7f37; }
.result.failed { color: #cf222e; }
details { margin: .5rem 0; }
summary { cursor: pointer; color: #57606a; }
@media print {
  @page { margin: 18mm 15mm; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  *, *::before, *::after { background: transparent !important; box-shadow: none !important; }
  body, .result.passed, .result.failed, .approval, .notice, a { color: #000 !important; }
  pre { overflow: visible; white-space: pre-wrap; overflow-wrap: anywhere; border-color: #999; }
  pre, blockquote, table, tr, .message > h3, .facts, .result, .approval { break-inside: avoid; }
  .message { break-inside: avoid-page; border-color: #999; }
  h2, h3, h4, summary { break-after: avoid; }
  a[href^="http"]::after, a[href^="mailto:"]::after { content: " <" attr(href) ">"; font-size: .85em; overflow-wrap: anywhere; }
  details::details-content { content-visibility: visible; display: block; }
  summary { list-style: none; }
}
`;
