export interface CsvOptions {
  /** A single character; default ",". Use ";" for CSV saved by Excel in many European locales, "\t" for TSV. */
  delimiter?: string;
}

/**
 * Parses CSV into rows of string fields. Quoted fields may contain the delimiter, line breaks and doubled quotes ("").
 * Accepts \n, \r\n and \r line endings; blank lines are skipped. Throws on an unterminated quoted field.
 */
export function parseCsv(text: string, { delimiter = ',' }: CsvOptions = {}): string[][] {
  if (delimiter.length !== 1 || '"\r\n'.includes(delimiter)) throw new Error(`Invalid CSV delimiter: ${JSON.stringify(delimiter)}`);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let rowStarted = false; // distinguishes a row holding one empty quoted field ("") from a blank line
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0; // byte-order mark
  for (let i = start; i < text.length; i++) {
    const ch = text.charAt(i);
    if (inQuotes) {
      if (ch !== '"') field += ch;
      else if (text.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else inQuotes = false;
    } else if (ch === '"' && field === '') {
      inQuotes = rowStarted = true;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
      rowStarted = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text.charAt(i + 1) === '\n') i++;
      if (rowStarted || field !== '') rows.push([...row, field]);
      row = [];
      field = '';
      rowStarted = false;
    } else {
      field += ch;
      rowStarted = true;
    }
  }
  if (inQuotes) throw new Error('Unterminated quoted field in CSV');
  if (rowStarted || field !== '') rows.push([...row, field]);
  return rows;
}

/** Parses CSV whose first row is a header into objects keyed by column name. */
export function parseCsvRecords(text: string, options: CsvOptions = {}): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text, options);
  if (!header) return [];
  const duplicate = header.find((name, index) => header.indexOf(name) !== index);
  if (duplicate !== undefined) throw new Error(`Duplicate CSV column: ${JSON.stringify(duplicate)}`);
  return rows.map((row, index) => {
    if (row.length !== header.length) {
      throw new Error(`CSV record ${index + 1} has ${row.length} fields, expected ${header.length}`);
    }
    return Object.fromEntries(header.map((name, column) => [name, row[column] ?? '']));
  });
}
