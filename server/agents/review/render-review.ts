import type { Citation, ReviewFinding } from '../../../protocol/turn-events.ts';

const languageNames: Record<string, string> = {
  typescript: 'TypeScript',
  javascript: 'JavaScript',
  python: 'Python',
  sql: 'SQL',
  shell: 'shell',
  svelte: 'Svelte',
};
/** More than this many findings are counted, not listed: the event carries them all. */
const listedFindings = 40;

export interface RenderedReview {
  language: string;
  lineCount: number;
  findings: readonly ReviewFinding[];
  summary: string;
  /** The cited pattern (1-based index into `citations`) for a rule id. */
  citationFor: ReadonlyMap<string, number>;
  citations: readonly Citation[];
}

/** The review as Markdown for transcripts, the web UI and Slack: heading, summary, numbered findings with their fixes, cited patterns. */
export function renderReview(review: RenderedReview): string {
  const language = languageNames[review.language] ?? review.language;
  const lines = [
    `### Code review · ${language} · ${review.lineCount} line${review.lineCount === 1 ? '' : 's'}`,
    '',
    review.summary,
    '',
  ];
  review.findings.slice(0, listedFindings).forEach((finding, index) => {
    const severity = finding.severity[0]!.toUpperCase() + finding.severity.slice(1);
    const citation = review.citationFor.get(finding.rule);
    lines.push(
      `${index + 1}. **${severity} · ${finding.category} · line ${finding.line}** (\`${finding.rule}\`): ${finding.message}`,
      `   **Fix:** ${finding.suggestion}${citation ? ` See pattern [${citation}].` : ''}`,
    );
  });
  if (review.findings.length > listedFindings) lines.push('', `…and ${review.findings.length - listedFindings} more.`);
  if (review.citations.length > 0) {
    lines.push('', '**Patterns from Kiln’s store:**');
    review.citations.forEach((citation, index) =>
      lines.push(`[${index + 1}] ${citation.title} (\`${citation.patternId}\`)`),
    );
  }
  return `${lines.join('\n')}\n`;
}
