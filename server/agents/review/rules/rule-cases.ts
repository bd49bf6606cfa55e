import { describe, expect, it } from 'vitest';
import { usesJsx } from '../detect-language.ts';
import { staticReview } from '../static-review.ts';

/** A rule's bad example (it must fire, on `line`) and the fixed version (it must stay silent). */
export interface RuleCase {
  rule: string;
  /** Tells cases of one rule apart in the test names. */
  title: string;
  language: string;
  bad: string;
  line: number;
  good: string;
}

export function findingsOf(code: string, language: string, rule?: string) {
  const { findings } = staticReview({ code, language, jsx: usesJsx(code), origin: 'fence', otherBlocks: 0 });
  return rule ? findings.filter((finding) => finding.rule === rule) : findings;
}

/** Registers two tests per case: fires on the bad example, silent on the good one. */
export function describeRuleCases(cases: readonly RuleCase[]) {
  describe.each(cases)('$rule ($title)', (example) => {
    it(`fires on the bad example, on line ${example.line}`, () => {
      const findings = findingsOf(example.bad, example.language, example.rule);
      expect(findings.map((finding) => finding.line)).toContain(example.line);
      expect(findings[0]!.message.length).toBeGreaterThan(10);
      expect(findings[0]!.suggestion.length).toBeGreaterThan(10);
    });
    it('stays silent on the fixed version', () => {
      expect(findingsOf(example.good, example.language, example.rule)).toEqual([]);
    });
  });
}
