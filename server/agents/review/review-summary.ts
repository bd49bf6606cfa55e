import type { ReviewFinding } from '../../../protocol/turn-events.ts';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** "1 error, 2 warnings, 0 info". */
function severityCounts(findings: readonly ReviewFinding[]): string {
  const count = (severity: ReviewFinding['severity']) =>
    findings.filter((finding) => finding.severity === severity).length;
  return `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info`;
}

/** One line on whether the code can ship, led by the worst finding. */
function verdict(findings: readonly ReviewFinding[]): string {
  if (findings.some((finding) => finding.severity === 'error' && finding.category === 'security'))
    return 'Not safe to ship: fix the security error first.';
  if (findings.some((finding) => finding.severity === 'error'))
    return 'Needs changes: it has errors that break it or will fail at run time.';
  if (findings.some((finding) => finding.severity === 'warning')) return 'Works, but fix the warnings before it ships.';
  if (findings.length > 0) return 'Looks good: only minor notes.';
  return 'No problems found by the static checks (they cannot prove the logic right).';
}

/**
 * The review in a few sentences: counts by severity, the most important
 * finding (the list is sorted most important first), the verdict, then how the
 * code was checked.
 */
export function reviewSummary(
  findings: readonly ReviewFinding[],
  provenance: string,
  notes: readonly string[] = [],
): string {
  const top = findings[0];
  const parts = [
    `${severityCounts(findings)}.`,
    ...(top ? [`Most important: line ${top.line}, ${top.message}`] : []),
    `Verdict: ${verdict(findings)}`,
    provenance,
    ...notes,
  ];
  return parts.join(' ');
}
