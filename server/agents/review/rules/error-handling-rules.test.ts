import { describeRuleCases } from './rule-cases.ts';

describeRuleCases([
  {
    rule: 'swallowed-error',
    title: 'empty catch',
    language: 'typescript',
    bad: `async function persist(save: () => Promise<void>) {
  try {
    await save();
  } catch (error) {}
}`,
    line: 4,
    good: `async function persist(save: () => Promise<void>) {
  try {
    await save();
  } catch {
    // Saving is best effort here: the next autosave retries.
  }
}`,
  },
  {
    rule: 'swallowed-error',
    title: 'empty promise catch',
    language: 'javascript',
    bad: `fetch('/api/ping').catch(() => {});`,
    line: 1,
    good: `fetch('/api/ping').catch((error) => console.error('ping failed', error));
const cached = await fetch('/cache').catch(() => undefined);
void fetch('/beacon').catch(() => {});
try {
  await fetch('/upload');
} finally {
  await fetch('/unlock').catch(() => {});
}`,
  },
  {
    rule: 'swallowed-error',
    title: 'empty catch before a throw',
    language: 'typescript',
    bad: `function decode(part: string): object {
  try {
    return JSON.parse(atob(part));
  } catch {}
  return {};
}`,
    line: 4,
    good: `function decode(part: string): object {
  try {
    return JSON.parse(atob(part));
  } catch {}
  throw new Error('malformed token part');
}`,
  },
  {
    rule: 'log-and-continue',
    title: 'logs and returns undefined',
    language: 'typescript',
    bad: `async function loadUser(id: string) {
  try {
    const response = await fetch(\`/users/\${id}\`);
    return await response.json();
  } catch (error) {
    console.error('could not load user', error);
  }
}`,
    line: 5,
    good: `async function loadUser(id: string) {
  try {
    const response = await fetch(\`/users/\${id}\`);
    return await response.json();
  } catch (error) {
    console.error('could not load user', error);
    throw error;
  }
}`,
  },
  {
    rule: 'json-parse-without-try',
    title: 'parse outside try',
    language: 'typescript',
    bad: `export function readConfig(text: string) {
  return JSON.parse(text);
}`,
    line: 2,
    good: `export function readConfig(text: string) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error('the configuration is not valid JSON', { cause: error });
  }
}
export const readLease = (file: string) =>
  readFile(file, 'utf8')
    .then((text) => JSON.parse(text))
    .catch(() => undefined);`,
  },
]);
