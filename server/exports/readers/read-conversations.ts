import { TextDecoder } from 'node:util';
import { none } from 'stream-chain/defs.js';
import streamArray from 'stream-json/streamers/stream-array.js';
import streamValues from 'stream-json/streamers/stream-values.js';
import type { ImportFormat } from '../../../protocol/conversation-export.ts';
import { KilnError } from '../../errors/kiln-error.ts';
import type { ReadConversation } from '../imported-conversation.ts';
import { readChatGptConversation } from './chatgpt-reader.ts';
import { readClaudeConversation } from './claude-reader.ts';
import { detectFormat } from './detect-format.ts';
import { readKilnConversation } from './kiln-reader.ts';
import { readOpenWebUiConversation } from './openwebui-reader.ts';

const formatsRead =
  "Kiln reads a Kiln export (JSON or ZIP), ChatGPT's conversations.json or its ZIP, Claude's conversations.json " +
  'and an Open WebUI chat export.';

/** The file is not JSON, is empty, or its first conversation is in no format Kiln reads. Nothing was read. */
export class UnknownFormatError extends KilnError {
  constructor(problem: string, options: { cause?: unknown } = {}) {
    super('unknown_import_format', 400, `${problem} ${formatsRead}`, options);
  }
}

/** The file broke off (invalid UTF-8 or JSON) after `conversationsRead` conversations, which were yielded. */
export class MalformedImportError extends KilnError {
  readonly conversationsRead: number;

  constructor(problem: string, conversationsRead: number, options: { cause?: unknown; detail?: string } = {}) {
    const detail = options.detail ? `: ${options.detail}` : '.';
    super('malformed_import', 400, `The file is ${problem} after conversation ${conversationsRead}${detail}`, options);
    this.conversationsRead = conversationsRead;
  }
}

export interface ConversationStream {
  format: ImportFormat;
  /**
   * Each conversation of the file in order, read one at a time (memory stays flat however large the file). A
   * conversation its reader cannot make sense of comes out as `{ failed: true }` and the rest go on. When the file
   * turns out to be broken part-way, the conversations before the break are yielded, then this throws
   * `MalformedImportError`; the break is noticed a chunk of input at a time, so the conversations of the chunk it
   * is in may come out or not.
   */
  conversations: AsyncGenerator<ReadConversation, void, undefined>;
}

const readers: Record<ImportFormat, (raw: unknown) => ReadConversation> = {
  kiln: readKilnConversation,
  chatgpt: readChatGptConversation,
  claude: readClaudeConversation,
  openwebui: readOpenWebUiConversation,
};

/**
 * Reads an export file as far as its first conversation and tells its format. A top-level list is read an element
 * at a time; a top-level object (a Kiln export) is the one conversation. Rejects with `UnknownFormatError`.
 */
export async function openConversationStream(
  input: NodeJS.ReadableStream | AsyncIterable<Uint8Array>,
): Promise<ConversationStream> {
  const elements = jsonElements(input as AsyncIterable<Uint8Array | string>);
  let first: IteratorResult<unknown>;
  try {
    first = await elements.next();
  } catch (error) {
    if (error instanceof InputProblem) {
      const detail = error.detail ? ` (${error.detail})` : '';
      throw new UnknownFormatError(`The file is ${error.message}${detail}.`, { cause: error });
    }
    throw error;
  }
  if (first.done) throw new UnknownFormatError('The file holds no conversations.');
  const format = detectFormat(first.value);
  if (!format) {
    await elements.return(undefined);
    throw new UnknownFormatError('The file is not in a format Kiln knows.');
  }
  return { format, conversations: conversations(first.value, elements, readers[format]) };
}

/** `openConversationStream`'s conversations, for a caller that does not need the format first. */
export async function* readConversations(
  input: NodeJS.ReadableStream | AsyncIterable<Uint8Array>,
): AsyncGenerator<ReadConversation, void, undefined> {
  yield* (await openConversationStream(input)).conversations;
}

async function* conversations(
  first: unknown,
  rest: AsyncGenerator<unknown>,
  read: (raw: unknown) => ReadConversation,
): AsyncGenerator<ReadConversation, void, undefined> {
  let count = 0;
  try {
    yield readSafely(read, first);
    count += 1;
    for await (const element of rest) {
      yield readSafely(read, element);
      count += 1;
    }
  } catch (error) {
    if (error instanceof InputProblem) {
      throw new MalformedImportError(error.message, count, { cause: error, detail: error.detail });
    }
    throw error;
  } finally {
    await rest.return(undefined);
  }
}

function readSafely(read: (raw: unknown) => ReadConversation, raw: unknown): ReadConversation {
  try {
    return read(raw);
  } catch (error) {
    const reason = `it could not be read (${error instanceof Error ? error.message : String(error)})`;
    return { failed: true, sourceId: null, title: null, reason };
  }
}

/** What is wrong with the input, worded to follow "The file is …", and the parser's own words. */
class InputProblem extends Error {
  constructor(
    problem: string,
    readonly detail?: string,
    options: { cause?: unknown } = {},
  ) {
    super(problem, options);
  }
}

/**
 * stream-json's `withParser()` stage, called directly: each call takes a piece of text (or `none` at the end) and
 * returns an async iterable of the elements it completed. Its typings say `Flushable`; stream-chain's `gen` makes
 * it return async generators.
 */
type ElementStage = (text: string | typeof none) => AsyncIterable<{ value: unknown }>;

/**
 * The file's top-level elements: a list's elements one at a time, or a top-level object (or several, one after
 * another). Decodes UTF-8 strictly, so a corrupt file is reported rather than read with replacement characters.
 */
async function* jsonElements(input: AsyncIterable<Uint8Array | string>): AsyncGenerator<unknown, void, undefined> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let stage: ElementStage | undefined;
  let head = '';
  const feed = async function* (text: string | typeof none): AsyncGenerator<unknown, void, undefined> {
    if (!stage && text !== none) {
      head += text;
      const start = head.search(/[^ \t\r\n]/);
      if (start === -1) return;
      if (head[start] !== '[' && head[start] !== '{') throw new InputProblem('not JSON');
      const factory = head[start] === '[' ? streamArray.withParser : streamValues.withParser;
      stage = factory() as unknown as ElementStage;
      text = head;
    }
    if (!stage) return;
    try {
      for await (const item of stage(text)) yield item.value;
    } catch (error) {
      throw new InputProblem('not valid JSON', error instanceof Error ? error.message : String(error), {
        cause: error,
      });
    }
  };
  for await (const chunk of input) yield* feed(typeof chunk === 'string' ? chunk : decode(decoder, chunk));
  yield* feed(decode(decoder));
  if (!stage) throw new InputProblem('empty');
  yield* feed(none);
}

function decode(decoder: TextDecoder, bytes?: Uint8Array): string {
  try {
    return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
  } catch (error) {
    throw new InputProblem('not valid UTF-8', undefined, { cause: error });
  }
}
