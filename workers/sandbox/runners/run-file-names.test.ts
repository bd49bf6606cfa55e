import { describe, expect, it } from 'vitest';
import { codeImportPattern } from './run-file-names.ts';

describe('codeImportPattern', () => {
  it('accepts the names tests import the code by, with or without an extension', () => {
    for (const name of ['pattern', 'code', 'index', 'main', 'solution']) {
      for (const extension of ['', '.ts', '.js', '.mjs']) expect(`./${name}${extension}`).toMatch(codeImportPattern);
    }
  });

  it('refuses other files, folders and packages', () => {
    for (const specifier of ['./pattern.test', './utils', '../pattern', './lib/pattern', 'pattern', './pattern.json']) {
      expect(specifier).not.toMatch(codeImportPattern);
    }
  });
});
