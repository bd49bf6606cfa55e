import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Intent } from '../../protocol/turn-events.ts';
import { intents } from './intent-router.ts';

export interface IntentExample {
  text: string;
  intent: Intent;
  /** 1-based line of the example's header in its file, for error messages and eval listings. */
  line: number;
}

/**
 * The labelled messages under `server/routing/dataset/`. `training` is what the
 * classifier learns from; `held-out` was written separately and is only ever
 * scored (`npm run eval:router`), never trained on.
 */
export type IntentDatasetSplit = 'training' | 'held-out';

export const datasetDirectory = path.join(path.dirname(fileURLToPath(import.meta.url)), 'dataset');

export function loadIntentExamples(split: IntentDatasetSplit): IntentExample[] {
  const file = path.join(datasetDirectory, `${split}.txt`);
  return parseIntentExamples(readFileSync(file, 'utf8'), file);
}

/**
 * The dataset format, chosen so pasted code and stack traces need no escaping:
 * a line `=== <intent>` starts an example, and every line up to the next header
 * is its text (surrounding blank lines trimmed). Lines before the first header
 * are a comment.
 */
export function parseIntentExamples(content: string, source: string): IntentExample[] {
  const examples: IntentExample[] = [];
  let current: { intent: Intent; line: number; lines: string[] } | undefined;
  const close = () => {
    if (!current) return;
    const text = current.lines.join('\n').trim();
    if (!text) throw new Error(`${source}:${current.line}: the example has no text.`);
    examples.push({ text, intent: current.intent, line: current.line });
  };
  for (const [index, line] of content.split(/\r?\n/).entries()) {
    const header = /^=== (\S+)\s*$/.exec(line);
    if (!header) {
      current?.lines.push(line);
      continue;
    }
    const intent = header[1] as Intent;
    if (!intents.includes(intent))
      throw new Error(`${source}:${index + 1}: "${header[1]}" is not an intent (${intents.join(', ')}).`);
    close();
    current = { intent, line: index + 1, lines: [] };
  }
  close();
  return examples;
}
