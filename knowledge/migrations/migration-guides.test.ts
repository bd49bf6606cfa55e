import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../corpus/load-corpus.ts';
import { migrationGuides } from './migration-guides.ts';

const { patterns } = await readCorpus();
const corpusIds = new Set(patterns.map((seed) => seed.manifest.id));
const numeric = (version: string) => version.split('.').map(Number);
const below = (a: string, b: string) => {
  const [x, y] = [numeric(a), numeric(b)];
  for (let index = 0; index < Math.max(x.length, y.length); index += 1)
    if ((x[index] ?? 0) !== (y[index] ?? 0)) return (x[index] ?? 0) < (y[index] ?? 0);
  return false;
};

describe('the migration guides', () => {
  it('cover at least 15 migrations, each with a unique id', () => {
    expect(migrationGuides.length).toBeGreaterThanOrEqual(15);
    expect(new Set(migrationGuides.map((guide) => guide.id)).size).toBe(migrationGuides.length);
  });

  it.each(migrationGuides.map((guide) => [guide.id, guide] as const))(
    '%s: references seed patterns that exist',
    (_id, guide) => {
      for (const id of guide.patterns) expect(corpusIds.has(id), id).toBe(true);
    },
  );

  it.each(migrationGuides.map((guide) => [guide.id, guide] as const))(
    '%s: versions go forward, and each change dates from inside the range',
    (_id, guide) => {
      if (guide.from.version && guide.to.version) expect(below(guide.from.version, guide.to.version)).toBe(true);
      for (const change of guide.changes.filter((item) => item.since)) {
        expect(below(guide.from.version!, change.since!), change.change).toBe(true);
        expect(below(guide.to.version!, change.since!), change.change).toBe(false);
      }
    },
  );

  it.each(migrationGuides.map((guide) => [guide.id, guide] as const))(
    '%s: every search is a valid grep -E pattern, the same in JavaScript',
    (_id, guide) => {
      for (const { find } of guide.changes) {
        if (!find) continue;
        expect(() => new RegExp(find), find).not.toThrow();
        // grep exits 1 for "no match" and 2 for a bad pattern.
        let status = 0;
        try {
          execFileSync('grep', ['-E', '-q', find], { input: '', stdio: ['pipe', 'ignore', 'ignore'] });
        } catch (error) {
          status = (error as { status: number }).status;
        }
        expect(status, find).toBe(1);
      }
    },
  );

  it('finds the code each Express 5 change is about', () => {
    const express = migrationGuides.find((guide) => guide.id === 'express-4-to-5')!;
    const finds = (snippet: string) =>
      express.changes
        .filter((change) => change.find && new RegExp(change.find).test(snippet))
        .map((change) => change.change);
    expect(finds("app.del('/user/:id', remove)")).toEqual(['`app.del()` is removed.']);
    expect(finds("const id = req.param('id')")).toEqual(['`req.param(name)` is removed.']);
    expect(finds("app.get('/*', serveIndex)")).toEqual([expect.stringContaining('path-to-regexp 8')]);
    expect(finds("app.get('/:file.:ext?', download)")).toEqual([expect.stringContaining('path-to-regexp 8')]);
    expect(finds("app.get('/users/:id', show)")).toEqual([]);
    expect(finds('res.send(404)')).toContain('`res.send(status)` with a number is removed.');
    expect(finds('res.json({ ok: true }, 201)')).toContainEqual(expect.stringContaining('`res.json(obj, status)`'));
  });
});
