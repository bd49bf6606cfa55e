import { describe, expect, it } from 'vitest';
import { fileChunk } from './file-document.ts';

describe('fileChunk', () => {
  it('documents a file with the prose of the README beside it, not its list of translations', () => {
    const readme = [
      '# Binary Search',
      '_Read this in other languages:_\n[Português](README.pt-BR.md).\n[Español](README.es-ES.md).',
      'In computer science, binary search, also known as half-interval\nsearch, finds the position of a target value within a sorted array.',
      '![Binary Search](https://example.org/picture.svg)',
      '## Complexity',
      '**Time Complexity**: `O(log(n))`',
    ].join('\n\n');
    const chunk = fileChunk(
      { path: 'search/binary-search/binarySearch.js', absolutePath: '/x', language: 'javascript' },
      'export default function binarySearch(sortedArray, seekElement) {}',
      [],
      new Map([['search/binary-search/README.md', readme]]),
    );
    expect(chunk.documentation).toBe(
      'Binary Search: In computer science, binary search, also known as half-interval search, finds the position of a target value within a sorted array.',
    );
  });
});
