import { createHash } from 'node:crypto';
import { errorTemplate } from './error-template.ts';

/** Where an error comes from; decides the advice and the language patterns are preferred in. */
export type ErrorEcosystem = 'javascript' | 'typescript' | 'python' | 'postgres' | 'shell' | 'npm' | 'unknown';

/** One frame of a stack trace, from the user's own code. */
export interface StackFrame {
  /** `renderList`, `Object.<anonymous>`, `load_config`; empty when the trace does not name one. */
  function: string;
  /** The file's base name (`list.ts`), never its full path. */
  file: string;
  line?: number;
  column?: number;
}

/** An error reduced to what identifies it, whatever values, names and paths it happened with. */
export interface ErrorSignature {
  ecosystem: ErrorEcosystem;
  /** As printed: `TypeError`, `json.decoder.JSONDecodeError`, `ERROR` (PostgreSQL), `TS2345`, `npm`; empty when the message had none. */
  type: string;
  /** A code printed with it: `ERR_MODULE_NOT_FOUND`, `EADDRINUSE`, `ERESOLVE`, `TS2345`. */
  code?: string;
  /** The first line of the message, as given. */
  message: string;
  /** The message with its varying parts as placeholders (see `errorTemplate`). */
  template: string;
  /** The innermost frames in the user's code (not node_modules, site-packages or runtime internals), at most 3. */
  frames: StackFrame[];
  /** Lines printed after the message that explain it (PostgreSQL DETAIL and HINT, npm's conflict report). */
  details: string[];
  /** The promise was rejected with nobody handling it. */
  unhandledRejection: boolean;
  /** Stable across occurrences: a hash of the type and the template (see `signatureKey`). */
  id: string;
}

export const maximumFrames = 3;

/**
 * The text the id hashes: the type's last dotted segment (`json.decoder.JSONDecodeError` and `JSONDecodeError`
 * are one type), then the template, lower-cased.
 */
export function signatureKey(type: string, template: string): string {
  return `${typeKey(type)}: ${template}`.toLowerCase();
}

export function signatureId(type: string, template: string): string {
  return createHash('sha256').update(signatureKey(type, template)).digest('hex').slice(0, 16);
}

/** The graph node of an error signature. */
export const errorNodeId = (id: string) => `error:${id}`;

function typeKey(type: string): string {
  return type.trim().split('.').at(-1) ?? '';
}

/** Builds a signature from parsed parts: the template and id are derived here, the one place that does it. */
export function buildSignature(
  parts: Omit<ErrorSignature, 'template' | 'id' | 'frames' | 'details' | 'unhandledRejection'> &
    Partial<ErrorSignature>,
): ErrorSignature {
  const template = errorTemplate(parts.message);
  return {
    details: [],
    unhandledRejection: false,
    ...parts,
    frames: (parts.frames ?? []).slice(0, maximumFrames),
    template,
    id: signatureId(parts.type, template),
  };
}

/**
 * The ids under which a stored fix for this error may be filed, best first. A `fixes` entry is often
 * written shorter than the error as printed: without its type (`duplicate key value violates unique
 * constraint`, printed as `ERROR:`, `error:` or `psycopg2.errors.UniqueViolation:` by different clients),
 * without the bracketed code, without the tail (`… address already in use` before the address) or the
 * head (`command not found` after the command). So this tries the type with and without its code and with
 * none, each with the whole template, then with its leading and trailing runs of two or more words.
 */
export function lookupIds(signature: Pick<ErrorSignature, 'type' | 'template'>): string[] {
  const types = unique([signature.type, signature.type.replace(/\s*\[[^\]]*\]$/, ''), '']);
  const templates = unique([signature.template, ...fragmentsOf(signature.template)]);
  return unique(templates.flatMap((template) => types.map((type) => signatureId(type, template))));
}

/** Longest first: the template's leading runs of words, then its trailing runs, of at least two words. */
function fragmentsOf(template: string): string[] {
  const words = template.split(' ').slice(0, maximumFragmentWords);
  const heads: string[] = [];
  const tails: string[] = [];
  for (let count = words.length - 1; count >= 2; count -= 1) {
    heads.push(
      words
        .slice(0, count)
        .join(' ')
        .replace(/[\s(:,;=\-[#.]+$/, ''),
    );
    tails.push(
      words
        .slice(words.length - count)
        .join(' ')
        .replace(/^[\s):,;.\]]+/, ''),
    );
  }
  return [...heads, ...tails].filter((fragment) => fragment.split(' ').length >= 2);
}

/** Enough for any stored message; a long pasted one is cut, so the lookup stays one small query. */
const maximumFragmentWords = 24;

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
