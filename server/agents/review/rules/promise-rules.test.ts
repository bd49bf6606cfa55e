import { describeRuleCases } from './rule-cases.ts';

describeRuleCases([
  {
    rule: 'missing-await',
    title: 'async call dropped in an async function',
    language: 'typescript',
    bad: `async function save(user: { id: string }) {
  return user.id;
}
async function register(user: { id: string }) {
  save(user);
  return 'ok';
}`,
    line: 5,
    good: `async function save(user: { id: string }) {
  return user.id;
}
async function register(user: { id: string }) {
  await save(user);
  return 'ok';
}`,
  },
  {
    rule: 'missing-await',
    title: 'fetch not awaited',
    language: 'javascript',
    bad: `export async function track(event) {
  fetch('/events', { method: 'POST', body: JSON.stringify(event) });
  console.info('tracked');
}`,
    line: 2,
    good: `export async function track(event) {
  await fetch('/events', { method: 'POST', body: JSON.stringify(event) });
  console.info('tracked');
}`,
  },
  {
    rule: 'floating-promise',
    title: 'promise dropped in a plain function',
    language: 'typescript',
    bad: `async function ping(): Promise<void> {}
function start() {
  ping();
}`,
    line: 3,
    good: `async function ping(): Promise<void> {}
function start(done: () => void, fail: (error: unknown) => void) {
  ping().catch((error) => console.error('ping failed', error));
  ping().then(done, fail).finally(() => console.info('pinged'));
  void ping();
}`,
  },
  {
    rule: 'await-in-loop',
    title: 'independent sends one by one',
    language: 'typescript',
    bad: `async function notifyAll(users: { email: string }[], send: (email: string) => Promise<void>) {
  for (const user of users) {
    await send(user.email);
  }
}`,
    line: 3,
    good: `async function notifyAll(users: { email: string }[], send: (email: string) => Promise<void>) {
  await Promise.all(users.map((user) => send(user.email)));
}
async function saveAll(transaction: { run(sql: string): Promise<void> }, statements: string[]) {
  for (const statement of statements) await transaction.run(statement);
}
async function firstAvailable(hosts: string[], probe: (host: string) => Promise<boolean>) {
  for (const host of hosts) {
    if (await probe(host)) return host;
  }
  return undefined;
}`,
  },
]);
