import { format, formatRegExp, objDisplay } from '@vitest/utils/display';
import { isObject, objectAttr } from '@vitest/utils/helpers';

/**
 * The name of one `each`/`for` case, as vitest formats it: printf placeholders (`%s`, `%d`, `%i`, `%f`, `%j`,
 * `%o`, `%O`, `%#` for the index, `%$` for the index + 1, `%%`) take the case's values in order, and
 * `$name`/`$a.b`/`$0` take a property of an object case (or an element of an array case).
 */
export function formatEachTitle(template: string, items: unknown[], index: number): string {
  let title = template;
  if (title.includes('%#') || title.includes('%$')) {
    title = title
      .replace(/%%/g, '__kiln_escaped_%__')
      .replace(/%#/g, `${index}`)
      .replace(/%\$/g, `${index + 1}`)
      .replace(/__kiln_escaped_%__/g, '%%');
  }
  const count = title.split('%').length - 1;
  const objectCase = isObject(items[0]);
  const formatAttribute = (text: string) =>
    text.replace(/\$([$\w.]+)/g, (_, key: string) => {
      const arrayKey = /^\d+$/.test(key);
      if (!objectCase && !arrayKey) return `$${key}`;
      const element = arrayKey ? objectAttr(items, key) : undefined;
      return objDisplay(objectCase ? objectAttr(items[0], key, element) : element);
    });
  let output = '';
  let used = 0;
  let last = 0;
  for (const match of title.matchAll(formatRegExp)) {
    output += formatAttribute(title.slice(last, match.index));
    if (match[0] === '%%') output += '%';
    else output += used < count ? format(match[0], items[used++]) : match[0];
    last = match.index + match[0].length;
  }
  return output + formatAttribute(title.slice(last));
}

/** The cases of a tagged-template table (`test.each\`a | b\n${1} | ${2}\``), as objects keyed by the header. */
export function casesFromTemplate(strings: readonly string[], values: unknown[]): Record<string, unknown>[] {
  const header =
    strings
      .join('')
      .trim()
      .replace(/ /g, '')
      .split('\n')
      .map((line) => line.split('|'))[0] ?? [];
  const cases: Record<string, unknown>[] = [];
  for (let row = 0; row < Math.floor(values.length / header.length); row++) {
    const entry: Record<string, unknown> = {};
    header.forEach((key, column) => (entry[key] = values[row * header.length + column]));
    cases.push(entry);
  }
  return cases;
}
