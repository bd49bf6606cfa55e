import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/test-server.ts';

// One server, and every request from the same loopback address: the tests run in order, and the burst comes last.
let kiln: Awaited<ReturnType<typeof startTestServer>>;
const password = 'correct horse battery';
const megabytes = (bytes: number) => bytes / (1024 * 1024);

beforeAll(async () => {
  kiln = await startTestServer();
});
afterAll(async () => {
  await kiln?.stop();
});

describe('request size limits', () => {
  it('refuses a 5 MB login body with 413 before reading it, and a normal login still works', async () => {
    const { user } = await kiln.register('limits@example.com');
    const huge = JSON.stringify({ email: user.email, password: 'x'.repeat(5 * 1024 * 1024) });
    const rssBefore = process.memoryUsage().rss;
    const started = Date.now();

    const refused = await kiln.api('POST', '/auth/login', { body: huge });

    expect(refused.status).toBe(413);
    expect(refused.json.error).toMatchObject({ code: 'payload_too_large' });
    expect(refused.json.error.message).toContain('16 KiB');
    expect(Date.now() - started).toBeLessThan(5_000);
    // Reading, parsing and hashing it cost the server (in this process) well over this.
    expect(megabytes(process.memoryUsage().rss - rssBefore)).toBeLessThan(64);

    const login = await kiln.api('POST', '/auth/login', { body: { email: user.email, password } });
    expect(login.status).toBe(200);
  });

  it('stops reading a chunked body (no Content-Length) at the limit', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 80) controller.close();
        else controller.enqueue(chunk);
        sent += 1;
      },
    });
    const response = await fetch(`${kiln.url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  });

  it('answers a too-long password with 400 before hashing it', async () => {
    const response = await kiln.api('POST', '/auth/login', {
      body: { email: 'limits@example.com', password: 'x'.repeat(1025) },
    });
    expect(response.status).toBe(400);
    expect(response.json.error).toMatchObject({ code: 'invalid_request' });
    expect(response.json.error.message).toContain('1,024');
  });
});

describe('password hashes', () => {
  it('replaces a hash made with the older, lower cost at the next sign-in', async () => {
    const { user } = await kiln.register('older@example.com');
    const query = (sql: string, parameters: unknown[]) =>
      kiln.server.infrastructure.dataSource.query(sql, parameters) as Promise<{ password_hash: string }[]>;
    // Hashed before the cost was raised (N=2^15, r=8, p=1), as older databases hold it.
    const olderHash = 'scrypt$32768$8$1$MDEyMzQ1Njc4OWFiY2RlZg$xxaWgqTSKTdh7WrfWLps_DMbPoovZsowrLVRbAkJkjA';
    await query('UPDATE users SET password_hash = $2 WHERE id = $1', [user.id, olderHash]);
    const login = await kiln.api('POST', '/auth/login', { body: { email: 'older@example.com', password } });
    expect(login.status, login.text).toBe(200);
    const [row] = await query('SELECT password_hash FROM users WHERE id = $1', [user.id]);
    expect(row!.password_hash).not.toBe(olderHash);
    expect(row!.password_hash).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect((await kiln.api('POST', '/auth/login', { body: { email: 'older@example.com', password } })).status).toBe(
      200,
    );
  });
});

describe('sign-in throttling', () => {
  it('answers 30 wrong passwords in a row with 429 and Retry-After, and lets the right one in after the wait', async () => {
    const { user } = await kiln.register('victim@example.com');
    const answers = [];
    for (let index = 0; index < 30; index += 1)
      answers.push(await kiln.api('POST', '/auth/login', { body: { email: user.email, password: `guess ${index}` } }));

    const refused = answers.filter((answer) => answer.status === 429);
    expect(answers.filter((answer) => answer.status === 401).length).toBeLessThanOrEqual(10);
    expect(refused.length).toBeGreaterThan(0);
    const last = refused.at(-1)!;
    expect(last.json.error).toMatchObject({ code: 'rate_limited' });
    const retryAfter = Number(last.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);

    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
    const login = await kiln.api('POST', '/auth/login', { body: { email: user.email, password } });
    expect(login.status).toBe(200);
  });

  it('refuses most of 50 concurrent wrong sign-ins at once, and /health stays quick meanwhile', async () => {
    const burst = Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        kiln.api('POST', '/auth/login', { body: { email: `nobody${index}@example.com`, password: 'wrong password' } }),
      ),
    );
    const healthLatencies: number[] = [];
    for (let index = 0; index < 5; index += 1) {
      const started = Date.now();
      expect((await fetch(`${kiln.url}/health`)).status).toBe(200);
      healthLatencies.push(Date.now() - started);
    }
    const answers = await burst;

    expect(answers.filter((answer) => answer.status === 429).length).toBeGreaterThanOrEqual(40);
    expect(answers.every((answer) => answer.status === 401 || answer.status === 429)).toBe(true);
    // Generous: the point is that a burst of hashes no longer stalls the server for seconds.
    expect(Math.max(...healthLatencies)).toBeLessThan(2_000);
  });
});
