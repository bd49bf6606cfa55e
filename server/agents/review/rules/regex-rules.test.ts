import { describe, expect, it } from 'vitest';
import { hasNestedQuantifier } from './nested-quantifier.ts';
import { describeRuleCases } from './rule-cases.ts';

describeRuleCases([
  {
    rule: 'regex-from-input',
    title: 'search box to RegExp',
    language: 'typescript',
    bad: `function find(items: string[], query: string) {
  const pattern = new RegExp(query, 'i');
  return items.filter((item) => pattern.test(item));
}`,
    line: 2,
    good: `function find(items: string[], query: string) {
  const pattern = new RegExp(query.replace(/[.*+?^\${}()|[\\]\\\\]/g, '\\\\$&'), 'i');
  return items.filter((item) => pattern.test(item));
}`,
  },
  {
    rule: 'nested-quantifier',
    title: 'repeated group with a repeat inside',
    language: 'javascript',
    bad: `const isCompanyEmail = (email) => /^([a-zA-Z0-9]+\\.?)+@example\\.com$/.test(email);`,
    line: 1,
    good: `const isCompanyEmail = (email) => /^[a-zA-Z0-9.]+@example\\.com$/.test(email);`,
  },
]);

describe('nested quantifiers', () => {
  it('finds the classic catastrophic patterns', () => {
    expect(
      ['(a+)+', '(\\w+\\s?)*$', '((ab)*c)+', '(?:x+y?){2,}', '(.*a)+', '(-?[a-z]+)*', '(a|a+)+'].filter(
        hasNestedQuantifier,
      ),
    ).toHaveLength(7);
  });

  it('passes repeated groups that start with a separator their inner repeats cannot match', () => {
    expect(
      ['^[a-z0-9]+(-[a-z0-9]+)*$', '(?:\\.[\\w$]+)*', '^\\d+(?:\\.(?:0|[1-9]\\d*))*$'].filter(hasNestedQuantifier),
    ).toEqual([]);
  });

  it('passes bounded and flat patterns, and quantifiers inside character classes', () => {
    expect(
      ['a+b+', '(\\d{1,3}\\.){3}\\d{1,3}', '([a+])+', '(ab)+', '\\(a+\\)+', '[(]a+[)]+'].filter(hasNestedQuantifier),
    ).toEqual([]);
  });
});
