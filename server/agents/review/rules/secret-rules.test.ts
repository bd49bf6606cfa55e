import { describe, expect, it } from 'vitest';
import { isSecretName } from './secret-names.ts';
import { describeRuleCases } from './rule-cases.ts';

describeRuleCases([
  {
    rule: 'hardcoded-secret',
    title: 'password in a config object',
    language: 'typescript',
    bad: `const config = {
  databasePassword: 'hunter2hunter2',
  passwordField: 'password',
};`,
    line: 2,
    good: `const config = {
  databasePassword: process.env.DATABASE_PASSWORD,
  passwordField: 'password',
};`,
  },
  {
    rule: 'hardcoded-secret',
    title: 'a known token format',
    language: 'javascript',
    bad: `const client = new Octokit({ auth: "ghp_abcdefghijklmnopqrstuvwxyz0123456789" });`,
    line: 1,
    good: `const client = new Octokit({ auth: process.env.GITHUB_TOKEN });`,
  },
  {
    rule: 'insecure-random',
    title: 'session token',
    language: 'typescript',
    bad: `function newSessionToken() {
  return Math.random().toString(36).slice(2);
}
const jitter = Math.random() * 100;`,
    line: 2,
    good: `function newSessionToken() {
  return crypto.randomUUID();
}
const jitter = Math.random() * 100;`,
  },
  {
    rule: 'insecure-random',
    title: 'session cookie',
    language: 'javascript',
    bad: `app.post('/login', (req, res) => {
  res.cookie('session', Math.random().toString(36).slice(2), { httpOnly: true });
  res.send('ok');
});`,
    line: 2,
    good: `app.post('/login', (req, res) => {
  res.cookie('session', crypto.randomBytes(32).toString('base64url'), { httpOnly: true });
  res.send('ok');
});`,
  },
  {
    rule: 'weak-password-hash',
    title: 'sha256 of a password',
    language: 'typescript',
    bad: `import { createHash } from 'node:crypto';
export function hashPassword(password: string) {
  return createHash('sha256').update(password).digest('hex');
}`,
    line: 3,
    good: `import { randomBytes, scryptSync } from 'node:crypto';
export function hashPassword(password: string) {
  const salt = randomBytes(16);
  return salt.toString('hex') + ':' + scryptSync(password, salt, 64).toString('hex');
}`,
  },
  {
    rule: 'broken-hash-algorithm',
    title: 'sha1 signature',
    language: 'javascript',
    bad: `const signature = crypto.createHash('sha1').update(secret + payload).digest('hex');
const etag = crypto.createHash('md5').update(body).digest('hex');`,
    line: 1,
    good: `const signature = crypto.createHmac('sha256', secret).update(payload).digest('hex');
const etag = crypto.createHash('md5').update(body).digest('hex');`,
  },
  {
    rule: 'low-bcrypt-cost',
    title: 'cost 8',
    language: 'javascript',
    bad: `const hash = await bcrypt.hash(password, 8);`,
    line: 1,
    good: `const hash = await bcrypt.hash(password, 12);`,
  },
]);

describe('secret names', () => {
  it('knows secrets from names about them', () => {
    expect(
      ['password', 'apiKey', 'DB_PASSWORD', 'client_secret', 'authToken', 'privateKey', 'API_KEY'].filter(isSecretName),
    ).toHaveLength(7);
    expect(
      ['passwordField', 'tokenUrl', 'SECRET_HEADER', 'apiKeyName', 'keyboard', 'tokens_count', 'author'].filter(
        isSecretName,
      ),
    ).toEqual([]);
  });
});
