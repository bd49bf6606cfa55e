/** Messages by plural category ("one", "few", "many", …) plus optional exact matches like "=0". */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string; [exact: `=${number}`]: string | undefined };

export type NumberOptions = Pick<Intl.NumberFormatOptions, 'minimumFractionDigits' | 'maximumFractionDigits' | 'minimumIntegerDigits'>;

/**
 * pluralize(3, { one: "{count} file", other: "{count} files" }) → "3 files". "{count}" is replaced with the number
 * formatted for the locale ("1,234" in en, "1.234" in de). The same `numberOptions` go to Intl.PluralRules and
 * Intl.NumberFormat, so the form always matches the number as displayed. A missing category falls back to `other`.
 */
export function pluralize(count: number, forms: PluralForms, locale = 'en', numberOptions: NumberOptions = {}): string {
  const category = new Intl.PluralRules(locale, numberOptions).select(count);
  const template = forms[`=${count}`] ?? forms[category] ?? forms.other;
  return template.replaceAll('{count}', new Intl.NumberFormat(locale, numberOptions).format(count));
}

const ENGLISH_ORDINALS: Record<Intl.LDMLPluralRule, string> = { zero: 'th', one: 'st', two: 'nd', few: 'rd', many: 'th', other: 'th' };

/**
 * ordinal(22) → "22nd"; 11, 12 and 13 get "th". Other languages need their own suffixes by category, e.g.
 * ordinal(n, "fr", { one: "er", other: "e" }) → "1er", "2e".
 */
export function ordinal(n: number, locale = 'en', suffixes: Partial<Record<Intl.LDMLPluralRule, string>> = ENGLISH_ORDINALS): string {
  const category = new Intl.PluralRules(locale, { type: 'ordinal' }).select(n);
  return `${new Intl.NumberFormat(locale).format(n)}${suffixes[category] ?? suffixes.other ?? ''}`;
}
