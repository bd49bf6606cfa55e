import type { PatternRepository } from '../../knowledge/patterns/pattern-repository.ts';

/** How long a coverage sentence is reused: the store changes slowly, and a miss costs two grouped scans. */
const reuseMs = 60_000;

/**
 * One sentence on what the pattern store holds ("168 patterns in typescript (103), python (26)…, on topics such
 * as async, security…"), said when a question finds nothing relevant. Read at most once a minute; a failing read
 * gives the last sentence, or none.
 */
export class StoreCoverage {
  private sentence: { text: string; at: number } | undefined;

  constructor(private readonly patterns: Pick<PatternRepository, 'coverage'>) {}

  async describe(now = Date.now()): Promise<string | undefined> {
    if (this.sentence && now - this.sentence.at < reuseMs) return this.sentence.text;
    try {
      const { languages, tags } = await this.patterns.coverage();
      const total = languages.reduce((sum, { patterns }) => sum + patterns, 0);
      const text =
        total === 0
          ? 'It holds no patterns yet.'
          : `It holds ${total} pattern${total === 1 ? '' : 's'} in ${languages.map(({ language, patterns }) => `${language} (${patterns})`).join(', ')}` +
            (tags.length ? `, on topics such as ${tags.join(', ')}.` : '.');
      this.sentence = { text, at: now };
      return text;
    } catch {
      return this.sentence?.text;
    }
  }
}
