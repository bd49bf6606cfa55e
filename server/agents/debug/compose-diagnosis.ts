import type { ErrorEcosystem, ErrorSignature } from '../../../knowledge/errors/error-signature.ts';
import type { FixingPattern } from '../../../knowledge/errors/fixing-patterns.ts';
import { describeFrame } from '../../../knowledge/errors/stack-frames.ts';
import type { Pattern } from '../../../knowledge/patterns/pattern.ts';
import { configureModelHint, offlineBanner } from '../../llm/offline-notice.ts';
import { sourceOf } from '../retrieve-patterns.ts';
import type { LikelyCause } from './likely-causes.ts';

export interface Diagnosis {
  signature: ErrorSignature | undefined;
  cause: LikelyCause | undefined;
  fixes: FixingPattern[];
  /** Other patterns the search found for this error, best first. */
  related: Pattern[];
}

const ecosystemNames: Record<ErrorEcosystem, string> = {
  javascript: 'JavaScript',
  typescript: 'TypeScript compiler',
  python: 'Python',
  postgres: 'PostgreSQL',
  shell: 'shell',
  npm: 'npm',
  unknown: 'unknown origin',
};

/** The offline engine's debugging answer: the error's signature, what it means, its usual causes, the fix and a fixing pattern. */
export function composeDiagnosis(diagnosis: Diagnosis): string {
  const lines = [offlineBanner("Kiln's notes on common errors and its pattern store"), ''];
  const { signature } = diagnosis;
  if (!signature) lines.push(...whatIsNeeded(diagnosis.related));
  else
    lines.push(
      ...signatureSection(signature),
      ...causeSection(signature, diagnosis.cause),
      ...patternSections(diagnosis),
    );
  lines.push('', configureModelHint('For a generated answer that reads your code'));
  return lines.join('\n');
}

function whatIsNeeded(related: Pattern[]): string[] {
  const lines = [
    'I could not find an error message or a stack trace in your message, so I cannot tell what failed. To diagnose it, paste:',
    '',
    '1. the full error as printed, with its type (`TypeError: …`, `KeyError: …`, `ERROR: …`, `npm ERR! …`);',
    '2. the stack trace or traceback below it, unshortened (the frames say where it was thrown);',
    '3. what you ran, what you expected, and what happened instead.',
    '',
    'Put the error in a fenced block (```), so it is read exactly as printed.',
  ];
  if (related.length)
    lines.push(
      '',
      'Meanwhile, these patterns match the words of your message:',
      ...related.map((pattern) => `- ${pattern.title} (\`${pattern.id}\`)`),
    );
  return lines;
}

function signatureSection(signature: ErrorSignature): string[] {
  const lines = ['## The error', ''];
  const type = signature.type ? `\`${signature.type}\`` : '(none printed)';
  lines.push(
    `- **Type:** ${type}, ${ecosystemNames[signature.ecosystem]}${signature.code && !signature.type.includes(signature.code) ? `, code \`${signature.code}\`` : ''}`,
  );
  if (signature.message) lines.push(`- **Message:** \`${signature.message}\``);
  const shown = [signature.type, signature.template].filter(Boolean).join(': ');
  lines.push(
    `- **Signature:** \`${shown}\` (id \`${signature.id}\`: the same for this error with other names, values and paths)`,
  );
  const [top, ...callers] = signature.frames;
  if (top)
    lines.push(
      `- **Thrown at:** \`${describeFrame(top)}\`${callers.length ? `, called from ${callers.map((frame) => `\`${describeFrame(frame)}\``).join(' ← ')}` : ''}`,
    );
  else
    lines.push('- **Thrown at:** the trace shows no frame in your own code (only library or runtime frames, or none).');
  if (signature.unhandledRejection) lines.push('- **Unhandled:** a promise was rejected and nothing caught it.');
  for (const detail of signature.details) lines.push(`- ${detail.replace(/\s+/g, ' ')}`);
  return [...lines, ''];
}

function causeSection(signature: ErrorSignature, cause: LikelyCause | undefined): string[] {
  if (!cause) {
    return [
      '## Likely cause',
      '',
      'Kiln has no notes on this kind of error. Start from the top frame of your own code' +
        `${signature.frames[0] ? ` (\`${describeFrame(signature.frames[0])}\`)` : ''}: print the values used on that line, and search the exact message together with the library's name and version.`,
      '',
    ];
  }
  const where = signature.frames[0] ? ` Start at \`${describeFrame(signature.frames[0])}\`.` : '';
  return [
    '## Likely cause',
    '',
    `${cause.meaning}${where} Usually one of these:`,
    '',
    ...cause.causes.map((line, index) => `${index + 1}. ${line}`),
    '',
    '## Fix',
    '',
    ...cause.fixes.map((line, index) => `${index + 1}. ${line}`),
    '',
  ];
}

function patternSections({ fixes, related }: Diagnosis): string[] {
  const lines: string[] = [];
  const [first, ...others] = fixes;
  if (first) {
    lines.push(
      `## A pattern that fixes it: ${first.pattern.title}`,
      '',
      `Kiln's store files this pattern as a fix for ${first.match === 'exact' ? 'this exact error' : 'errors of this kind'}. ${first.pattern.summary}`,
      '',
      ...codeBlock(first.pattern),
    );
    for (const { pattern } of others)
      lines.push(`Also filed as a fix: **${pattern.title}** (\`${pattern.id}\`): ${pattern.summary}`, '');
  } else if (related[0]) {
    lines.push(
      '## A pattern that may help',
      '',
      `No stored pattern is filed as a fix for this error; the closest match is **${related[0].title}**. ${related[0].summary}`,
      '',
      ...codeBlock(related[0]),
    );
  } else {
    lines.push('No stored pattern is filed as a fix for this error, and none matched it closely.', '');
  }
  const more = (first ? related : related.slice(1))
    .filter((pattern) => !fixes.some((fix) => fix.pattern.id === pattern.id))
    .slice(0, 3);
  if (more.length) lines.push('Related patterns:', ...more.map((pattern) => `- ${pattern.title} (\`${pattern.id}\`)`));
  return lines;
}

function codeBlock(pattern: Pattern): string[] {
  return [`\`\`\`${pattern.language}`, pattern.code.trimEnd(), '```', '', `Source: ${sourceOf({ pattern })}`, ''];
}
