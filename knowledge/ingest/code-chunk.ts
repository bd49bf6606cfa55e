/** A piece of a source file that becomes one pattern: a function, a class, a documentation section, or the file. */
export interface CodeChunk {
  /** The symbol or heading (`parseConfig`, `RetryPolicy`, `Installing`); a file chunk's is the file's path. */
  name: string;
  kind: 'function' | 'class' | 'section' | 'file';
  language: string;
  /** 1-based line of the chunk's first line in its file. */
  line: number;
  code: string;
  /** Its doc comment, doc string, or the section's first paragraph. */
  documentation: string;
}
