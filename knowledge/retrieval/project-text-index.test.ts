import { describe, expect, it } from 'vitest';
import { patternFixture } from '../../tests/support/pattern-fixture.ts';
import { defaultTextWeights, ProjectTextIndex, termsOf } from './project-text-index.ts';

/** A file pattern as ingest makes it: title = path, tag `file`. */
const file = (path: string, code: string, summary = `The file ${path}.`) =>
  patternFixture(`project:s/${path}`, {
    title: path,
    summary,
    code,
    tags: ['ingested', 'file'],
    source: { kind: 'ingest', path },
  });

const ranked = (index: ProjectTextIndex, question: string) =>
  index.query(question, 5).map((hit) => hit.id.replace('project:s/', ''));

describe('termsOf', () => {
  it('splits identifiers at camelCase and snake_case, keeping the whole too', () => {
    expect(termsOf('parseHttpResponse')).toEqual(['parsehttprespons', 'pars', 'http', 'respons']);
    expect(termsOf('days_in_month')).toEqual(['daysinmonth', 'day', 'month']);
  });
});

describe('ProjectTextIndex', () => {
  it('finds a file by the words inside its identifiers', () => {
    const index = new ProjectTextIndex();
    index.add([
      file('src/fetcher.ts', 'export function parseHttpResponse(body) { return JSON.parse(body) }'),
      file('src/logger.ts', 'export function writeLine(text) { console.log(text) }'),
    ]);
    expect(ranked(index, 'parse the http response')[0]).toBe('src/fetcher.ts');
  });

  it('ranks by field weights: a file named for the word beats one that only uses it, unless code weighs more', () => {
    const patterns = [
      file('src/endOfDecade/index.ts', 'export default function (date) { return addYears(date, 10) }'),
      file(
        'src/format/index.ts',
        'const units = ["decade", "year", "decade"]; // decade decade\nexport function format(date) { return units }',
      ),
    ];
    const named = new ProjectTextIndex();
    named.add(patterns);
    expect(ranked(named, 'decade')[0]).toBe('src/endOfDecade/index.ts');

    const codeFirst = new ProjectTextIndex({ title: 0, path: 0, summary: 0, code: 5, meaning: 0 });
    codeFirst.add(patterns);
    expect(ranked(codeFirst, 'decade')[0]).toBe('src/format/index.ts');
  });

  it('matches synonyms from the expander, below the question’s own words', () => {
    const expander = { expand: (question: string) => (question.includes('nearest') ? ['closest'] : []) };
    const index = new ProjectTextIndex(defaultTextWeights, { expander, expansionWeight: 0.3 });
    index.add([
      file('src/closestTo/index.ts', 'export function closestTo(dates) {}'),
      file('src/roundToNearest/index.ts', 'export function roundToNearest(date) {}'),
      file('src/other/index.ts', 'export function other() {}'),
    ]);
    expect(ranked(index, 'nearest date')).toEqual(['src/roundToNearest/index.ts', 'src/closestTo/index.ts']);
    expect(ranked(new ProjectTextIndex(), 'closest')).toEqual([]);
  });

  it('searches what the thesaurus says of a file’s name (its folder for index files)', () => {
    const thesaurus = {
      synonyms: (word: string) => (word === 'decade' ? ['decennium'] : []),
      glosses: (word: string) => (word === 'decade' ? ['a period of 10 years'] : []),
    };
    const patterns = [
      file('src/endOfDecade/index.ts', 'export function endOfDecade(date) {}'),
      file('src/endOfWeek/index.ts', 'export function endOfWeek(date) {}'),
    ];
    const index = new ProjectTextIndex(defaultTextWeights, { thesaurus });
    index.add(patterns);
    expect(ranked(index, 'end of the ten year period')[0]).toBe('src/endOfDecade/index.ts');
    const without = new ProjectTextIndex({ ...defaultTextWeights, meaning: 0 }, { thesaurus });
    without.add(patterns);
    expect(ranked(without, 'ten year period')).toEqual([]);
  });
});
