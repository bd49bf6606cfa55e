import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesById, syntaxTreeRules, textRules } from './rule-registry.ts';

const rulesFolder = path.join(import.meta.dirname, 'rules');

describe('the rule registry', () => {
  it('has unique ids, each rule stating its category, severity, message and a concrete suggestion', () => {
    const all = [...syntaxTreeRules, ...textRules];
    expect(rulesById.size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(15);
    for (const rule of all) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.message.length, rule.id).toBeGreaterThan(20);
      expect(rule.suggestion.length, rule.id).toBeGreaterThan(20);
    }
  });

  it('has a fires/stays-silent example for every rule', () => {
    const tests = readdirSync(rulesFolder)
      .filter((file) => file.endsWith('.test.ts'))
      .map((file) => readFileSync(path.join(rulesFolder, file), 'utf8'))
      .join('\n');
    const tested = new Set([...tests.matchAll(/rule: '([a-z-]+)'/g)].map((match) => match[1]));
    expect([...rulesById.keys()].filter((id) => !tested.has(id))).toEqual([]);
  });
});
