/** The corpus language a question names, if any ("…in TypeScript?", "a bash script…"). */
export function languageNamedIn(question: string): string | undefined {
  const text = question.toLowerCase();
  if (/\b(typescript|ts|tsx)\b/.test(text)) return 'typescript';
  if (/\b(javascript|js|node\.?js|nodejs)\b/.test(text)) return 'javascript';
  if (/\b(python|py|django|flask)\b/.test(text)) return 'python';
  if (/\b(sql|postgres|postgresql|psql)\b/.test(text)) return 'sql';
  if (/\b(bash|shell|sh|zsh)\b/.test(text)) return 'shell';
  return undefined;
}
