/** A piece of a source file that becomes one pattern: a function, a class, or a documentation section. */
export interface CodeChunk {
  /** The symbol or heading (`parseConfig`, `RetryPolicy`, `Installing`). */
  name: string;
  kind: 'function' | 'class' | 'section';
  language: string;
  /** 1-based line of the chunk's first line in its file. */
  line: number;
  code: string;
  /** Its doc comment, doc string, or the section's first paragraph. */
  documentation: string;
}
