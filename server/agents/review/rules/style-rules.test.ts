import { describe, expect, it } from 'vitest';
import { describeRuleCases, findingsOf } from './rule-cases.ts';

describeRuleCases([
  {
    rule: 'loose-equality',
    title: '== against a number',
    language: 'typescript',
    bad: `function isZero(value: unknown) {
  return value == 0;
}`,
    line: 2,
    good: `function isZero(value: unknown) {
  return value === 0 || value == null;
}`,
  },
  {
    rule: 'explicit-any',
    title: 'any parameter',
    language: 'typescript',
    bad: `function parse(input: any): string {
  return String(input);
}`,
    line: 1,
    good: `function parse(input: unknown): string {
  return String(input);
}`,
  },
  {
    rule: 'non-null-assertion',
    title: 'querySelector!',
    language: 'typescript',
    bad: `const app = document.querySelector('#app')!;`,
    line: 1,
    good: `const app = document.querySelector('#app');
if (!app) throw new Error('#app is missing from the page');`,
  },
  {
    rule: 'console-log',
    title: 'debug output',
    language: 'javascript',
    bad: `function load(user) {
  console.log('user', user);
  return user.id;
}`,
    line: 2,
    good: `function load(user) {
  console.error('loading user', user.id);
  return user.id;
}`,
  },
]);

describe('collapsed habits', () => {
  it('reports every explicit any as one finding at the first, listing the lines', () => {
    const findings = findingsOf(
      `let a: any;\nlet b: string;\nlet c: any[];\nfunction f(x: any) { return x; }`,
      'typescript',
      'explicit-any',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 1, severity: 'info' });
    expect(findings[0]!.message).toContain('3 times, on lines 1, 3, 4');
  });
});
