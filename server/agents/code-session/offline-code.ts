import type { RetrievedPattern } from '../../../knowledge/retrieval/hybrid-retriever.ts';
import { configureModelHint } from '../../llm/offline-notice.ts';
import { sourceOf } from '../retrieve-patterns.ts';

/** Words every request for code has ("write a function that…"): they say nothing about which pattern fits. */
const requestWords =
  /\b(please|can|could|you|write|create|generate|implement|make|build|code|give|show|need|want|me|us|an?|the|some|function|method|class|script|snippet|program|helper|utility)\b/gi;

/** The request without the words that only ask for code, so the search weighs what the code must do. */
export function whatToBuild(request: string): string {
  const stripped = request.replace(requestWords, ' ').replace(/\s+/g, ' ').trim();
  return stripped.length >= 3 ? stripped : request;
}

const fenceLanguage: Record<string, string> = {
  typescript: 'ts',
  javascript: 'js',
  python: 'python',
  sql: 'sql',
  shell: 'bash',
};

/** The offline answer to a request for code: the best verified pattern, with its tests and where it came from. */
export function composeOfflineCode(request: string, used: RetrievedPattern[], language: string | undefined): string {
  const lines = [
    "*Kiln offline engine: no language model is configured, so I cannot write new code. Here is the closest verified code from Kiln's pattern store.*",
    '',
  ];
  const [best, ...others] = used;
  if (!best) {
    lines.push(
      `No stored pattern matches “${request.trim().replace(/\s+/g, ' ').slice(0, 120)}”.`,
      '',
      'Name the task more concretely (for example “write a function that retries a fetch with exponential backoff in TypeScript”), or configure a model.',
    );
  } else {
    const { pattern } = best;
    const fence = fenceLanguage[pattern.language] ?? pattern.language;
    if (language && pattern.language !== language) {
      lines.push(`I found no ${language} pattern for this; the closest one is in ${pattern.language}.`, '');
    }
    lines.push(`### ${pattern.title}`, '', pattern.summary, '', `\`\`\`${fence}`, pattern.code.trimEnd(), '```', '');
    if (pattern.tests) {
      lines.push(verifiedLine(best), '', `\`\`\`${fence}`, pattern.tests.trimEnd(), '```', '');
    }
    lines.push(`Source: ${sourceOf(best)}`);
    if (others.length) {
      lines.push(
        '',
        `Also close: ${others.map(({ pattern: other }) => `${other.title} (${other.language})`).join('; ')}.`,
      );
    }
  }
  lines.push('', configureModelHint('To have Kiln write code for your exact request'));
  return lines.join('\n');
}

function verifiedLine({ pattern }: RetrievedPattern): string {
  const { successes, failures } = pattern.stats;
  const record =
    successes + failures > 0
      ? ` It has run ${successes + failures} times for users: ${successes} passed, ${failures} failed.`
      : '';
  const shipped = pattern.source.kind === 'seed' ? ' These tests run on every build of Kiln.' : '';
  return `**Tests**:${shipped}${record}`;
}
