import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { lazyChunkFiles } from './lazy-chunks.ts';

interface Script {
  url: string;
  bytes: number;
  gzipBytes: number;
  body: string;
}

export interface FirstLoad {
  /** The scripts the first load needs (app start-up and the route), with their size as sent and gzipped. */
  scripts: Script[];
  gzipBytes: number;
  /** Chunks loaded on demand (`import()`) during the same load, e.g. the highlighter once code is shown. */
  lazyScripts: Script[];
  /** From navigation start until `ready` resolved (the page is usable). */
  readyMs: number;
}

/** JavaScript budget of the first load (gzipped), from the issue. */
export const initialJavaScriptBudgetBytes = 150 * 1024;
/** First load on localhost, from the issue. */
export const firstLoadBudgetMs = 1_000;

/**
 * Loads `url` in a fresh page and records the scripts it fetched until it was
 * ready and the network went quiet: the JavaScript a first visit costs, apart
 * from the chunks the build marks as loaded on demand.
 */
export async function measureFirstLoad(
  page: Page,
  url: string,
  ready: (page: Page) => Promise<unknown>,
): Promise<FirstLoad> {
  const pending: Promise<Script | undefined>[] = [];
  const lazy = lazyChunkFiles();
  let counting = true;
  const onResponse = (response: import('playwright-core').Response) => {
    if (!counting || response.request().resourceType() !== 'script') return;
    pending.push(
      response.body().then(
        (body) => ({
          url: response.url(),
          bytes: body.length,
          gzipBytes: gzipSync(body, { level: 9 }).length,
          body: body.toString('utf8'),
        }),
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
  const fetched = (await Promise.all(pending)).filter((script) => script !== undefined);
  const isLazy = (script: Script) => lazy.has(new URL(script.url).pathname.slice(1));
  const scripts = fetched.filter((script) => !isLazy(script));
  return {
    scripts,
    gzipBytes: scripts.reduce((sum, script) => sum + script.gzipBytes, 0),
    lazyScripts: fetched.filter(isLazy),
    readyMs: Math.round(readyMs),
  };
}
