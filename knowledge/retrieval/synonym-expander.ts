import { WordNetSynonyms } from './wordnet-synonyms.ts';

/** Words a question's own words may be written as in code and its comments. */
export interface QueryExpander {
  /** Extra words for `question`, none of them already in it. */
  expand(question: string): string[];
}

const ignored = new Set(
  'a an and are as at be by can do does for from get give gives have how i if in into is it its me my of on or should so that the then there this to use using want way what when where which while with without would you your we our one all any some each every two number numbers value values'.split(
    ' ',
  ),
);

/**
 * Query expansion from a general English thesaurus (WordNet): each plain word of the question, and each pair of
 * neighbouring words (`working day`), adds the lemmas of its commonest senses. Identifiers (camelCase, snake_case,
 * digits) are left alone: they are the code's own words already.
 */
export class SynonymExpander implements QueryExpander {
  constructor(private readonly synonyms = new WordNetSynonyms()) {}

  expand(question: string): string[] {
    const words = (question.match(/[A-Za-z][A-Za-z'-]*/g) ?? [])
      .filter((word) => !/[a-z][A-Z]|_/.test(word))
      .map((word) => word.toLowerCase());
    const own = new Set(words);
    const found = new Set<string>();
    const add = (lemmas: string[]) => {
      // Multi-word lemmas (`do_work`, `mean_value`) are left out: split up, their words are mostly noise.
      for (const lemma of lemmas)
        if (!/[_-]/.test(lemma) && lemma.length > 1 && !own.has(lemma) && !ignored.has(lemma)) found.add(lemma);
    };
    words.forEach((word, index) => {
      if (ignored.has(word) || word.length < 3) return;
      add(this.synonyms.synonyms(word));
      const next = words[index + 1];
      if (next && !ignored.has(next)) add(this.synonyms.synonyms(`${word}_${next}`));
    });
    return [...found];
  }
}
