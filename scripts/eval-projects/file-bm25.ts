// Plain Okapi BM25 over whole files: the baseline a retrieval change has to beat on the project sets
// (knowledge/evaluation/projects). Deliberately naive — no stemming, no identifier splitting, no stop words.

export interface FileBm25Options {
  /** Term-frequency saturation; 1.2 unless told. */
  k1?: number;
  /** Length normalisation, 0 (none) to 1 (full); 0.75 unless told. */
  b?: number;
}

/** Lower-cased runs of [a-z0-9]. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

export class FileBm25 {
  private readonly k1: number;
  private readonly b: number;
  private readonly docs: { path: string; length: number; counts: Map<string, number> }[] = [];
  private readonly documentFrequency = new Map<string, number>();
  private readonly averageLength: number;

  constructor(files: { path: string; text: string }[], options: FileBm25Options = {}) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
    let total = 0;
    for (const file of files) {
      const tokens = tokenize(file.text);
      const counts = new Map<string, number>();
      for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
      for (const term of counts.keys()) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      this.docs.push({ path: file.path, length: tokens.length, counts });
      total += tokens.length;
    }
    this.averageLength = this.docs.length > 0 ? total / this.docs.length : 0;
  }

  /** The k best files for `question`, best first; files matching no query term are left out. Ties keep input order. */
  search(question: string, k: number): { path: string; score: number }[] {
    const terms = [...new Set(tokenize(question))];
    const n = this.docs.length;
    const scored: { path: string; score: number }[] = [];
    for (const doc of this.docs) {
      let score = 0;
      for (const term of terms) {
        const tf = doc.counts.get(term);
        if (!tf) continue;
        const df = this.documentFrequency.get(term) ?? 0;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        const norm = this.averageLength > 0 ? 1 - this.b + (this.b * doc.length) / this.averageLength : 1;
        score += (idf * tf * (this.k1 + 1)) / (tf + this.k1 * norm);
      }
      if (score > 0) scored.push({ path: doc.path, score });
    }
    return scored.sort((x, y) => y.score - x.score).slice(0, k);
  }
}
