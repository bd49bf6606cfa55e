import { appendFile, mkdtemp, rename, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tailFile, type TailOptions } from './pattern.ts';

let dir: string;
let file: string;
let controller: AbortController;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tail-'));
  file = path.join(dir, 'app.log');
  controller = new AbortController();
});
afterEach(async () => {
  controller.abort();
  await rm(dir, { recursive: true, force: true });
});

function follow(options: TailOptions = {}) {
  const lines: string[] = [];
  const done = (async () => {
    for await (const line of tailFile(file, { intervalMs: 5, signal: controller.signal, ...options })) lines.push(line);
  })();
  return { lines, done };
}
const eventually = (assertion: () => void) => vi.waitFor(assertion, { timeout: 1_000, interval: 5 });

describe('tailFile', () => {
  it('skips existing lines by default and yields appended ones, holding back partial lines', async () => {
    await writeFile(file, 'old 1\nold 2\n');
    const { lines } = follow();
    await delay(50); // let it take its starting position at the end
    await appendFile(file, 'new 1\nnew ');
    await eventually(() => expect(lines).toEqual(['new 1']));
    await appendFile(file, '2\r\n');
    await eventually(() => expect(lines).toEqual(['new 1', 'new 2']));
  });

  it('reads from the start, then follows truncation and rotation', async () => {
    await writeFile(file, 'a\nb\n');
    const { lines } = follow({ from: 'start' });
    await eventually(() => expect(lines).toEqual(['a', 'b']));
    await truncate(file, 0);
    await delay(50); // let a poll see the shrink before it grows again
    await appendFile(file, 'after truncate\n');
    await eventually(() => expect(lines).toEqual(['a', 'b', 'after truncate']));

    await writeFile(path.join(dir, 'next.log'), 'rotated in\n');
    await rename(path.join(dir, 'next.log'), file); // a logrotate-style swap
    await eventually(() => expect(lines).toContain('rotated in'));
  });

  it('waits for a file that does not exist yet', async () => {
    const { lines } = follow({ from: 0 });
    await delay(20);
    await writeFile(file, 'hello\n');
    await eventually(() => expect(lines).toEqual(['hello']));
  });

  it('keeps a multibyte character split across two reads, and ends cleanly on abort', async () => {
    await writeFile(file, `${'x'.repeat(64 * 1024 - 1)}é\nnext\n`); // é straddles the 64 KiB read boundary
    const { lines, done } = follow({ from: 'start' });
    await eventually(() => expect(lines).toHaveLength(2));
    expect(lines[0]?.endsWith('xé')).toBe(true);
    expect(lines[1]).toBe('next');
    controller.abort();
    await expect(done).resolves.toBeUndefined();
  });
});
