import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';

export interface FirstLoad {
  /** Every script the page fetched before it was ready, with its size as sent and gzipped. */
  scripts: { url: string; bytes: number; gzipBytes: number; body: string }[];
  gzipBytes: number;
  /** From navigation start until `ready` resolved (the page is usable). */
  readyMs: number;
}

/** JavaScript budget of the first load (gzipped), from the issue. */
export const initialJavaScriptBudgetBytes = 150 * 1024;
/** First load on localhost, from the issue. */
export const firstLoadBudgetMs = 1_000;

/**
 * Loads `url` in a fresh page and records the scripts it fetched until it was
 * ready and the network went quiet: the JavaScript a first visit costs.
 * Scripts fetched later (lazy chunks) are not counted.
 */
export async function measureFirstLoad(page: Page, url: string, ready: (page: Page) => Promise<unknown>): Promise<FirstLoad> {
  const pending: Promise<FirstLoad['scripts'][number] | undefined>[] = [];
  let counting = true;
  const onResponse = (response: import('playwright-core').Response) => {
    if (!counting || response.request().resourceType() !== 'script') return;
    pending.push(
      response.body().then(
        (body) => ({ url: response.url(), bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length, body: body.toString('utf8') }),
        () => undefined,
      ),
    );
  };
  page.on('response', onResponse);
  await page.goto(url);
  await ready(page);
  const readyMs = await page.evaluate(() => performance.now());
  await page.waitForLoadState('networkidle');
  counting = false;
  page.off('response', onResponse);
  const scripts = (await Promise.all(pending)).filter((script) => script !== undefined);
  return { scripts, gzipBytes: scripts.reduce((sum, script) => sum + script.gzipBytes, 0), readyMs: Math.round(readyMs) };
}
