import { nameWords } from './syntax-tree-helpers.ts';

const secretWords = new Set([
  'password',
  'passwd',
  'pwd',
  'passphrase',
  'secret',
  'token',
  'credential',
  'credentials',
  'apikey',
]);
const keyQualifiers = new Set(['api', 'private', 'access', 'auth', 'signing', 'encryption', 'secret', 'master']);
/** Names that hold something about a secret, not the secret: `passwordField`, `tokenUrl`, `SECRET_HEADER`. */
const notTheSecret = new Set([
  'url',
  'uri',
  'endpoint',
  'path',
  'name',
  'field',
  'header',
  'label',
  'type',
  'length',
  'min',
  'max',
  'regex',
  'pattern',
  'placeholder',
  'prompt',
  'hint',
  'message',
  'id',
  'env',
  'variable',
  'file',
  'key',
  'count',
  'expiry',
  'expires',
  'ttl',
  'policy',
  'input',
  'column',
  'param',
]);

/** Whether an identifier names a secret value: `password`, `apiKey`, `DB_PASSWORD`, `client_secret`, `authToken`. */
export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  const last = words.at(-1);
  if (!last) return false;
  const secret =
    words.some((word) => secretWords.has(word)) ||
    words.some((word, index) => word === 'key' && keyQualifiers.has(words[index - 1] ?? ''));
  const describesSecret = notTheSecret.has(last) && !(last === 'key' && keyQualifiers.has(words.at(-2) ?? ''));
  return secret && !describesSecret;
}

/** Whether a name is about passwords (for hashing rules). */
export function isPasswordName(name: string): boolean {
  return nameWords(name).some((word) => ['password', 'passwd', 'pwd', 'passphrase'].includes(word));
}

/** Example values, not secrets: `<your key>`, `YOUR_API_KEY`, `xxxx`, `***`, `...`, `${…}`. */
export function isPlaceholder(value: string): boolean {
  return (
    value.trim().length < 4 ||
    /^(<.*>|\$\{.*\}|\{\{.*\}\}|your[\w\s-]*|x{3,}|\*{3,}|\.{3}|…|todo|changeit|example[\w-]*|dummy|test|none|null)$/i.test(
      value.trim(),
    )
  );
}

/** Well-known credential formats, found in any string (AWS, GitHub, Slack, Stripe, OpenAI, Anthropic, Google, private keys). */
export const knownCredentialFormat =
  /\b(AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,}|xox[abposr]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{20,}|sk-ant-[A-Za-z0-9_-]{20,}|sk-[A-Za-z0-9_-]{32,}|AIza[0-9A-Za-z_-]{35})\b|-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----/;

export const secretSuggestion =
  'Read it from the environment or a secret manager (e.g. `process.env.API_KEY`, `os.environ["API_KEY"]`), and rotate this one: it is in your source history.';
