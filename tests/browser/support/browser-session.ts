import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { repositoryRoot } from '../../support/kiln-process.ts';
import type { LlmProvider } from '../../../server/llm/llm-provider.ts';
import { temporaryDirectory } from '../../support/temporary-directory.ts';
import { startTestServer } from '../../support/test-server.ts';
import { launchChromium } from './chromium.ts';
import { startNetworkSwitch } from './network-switch.ts';
import { PacedOfflineEngine } from './paced-offline-engine.ts';

export const artifactsDirectory = path.join(repositoryRoot, 'test-artifacts', 'browser');

/**
 * A real Kiln (embedded Postgres and Chroma, the seed pattern store, the
 * offline engine at a controllable pace, the built-in filesystem MCP server
 * on a small folder) behind a network switch, and Debian's Chromium driving
 * the built web client through it.
 */
export async function startBrowserSession<Provider extends LlmProvider = PacedOfflineEngine>(
  options: { environment?: Record<string, string>; provider?: Provider } = {},
) {
  // Builds client/build when its sources changed (a no-op when `npm test` already did).
  const build = spawnSync(process.execPath, [path.join(repositoryRoot, 'scripts', 'build-client.mjs')], {
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('building the web client failed');
  await mkdir(artifactsDirectory, { recursive: true });

  const files = await temporaryDirectory('kiln-browser-files');
  await writeFile(path.join(files.path, 'notes.md'), '# Notes\n');
  await writeFile(path.join(files.path, 'invoice.csv'), 'id,total\n1,30\n');
  // A test that brings its own model (a scripted one) gets it; the others the offline engine at a set pace.
  const provider = (options.provider ?? new PacedOfflineEngine()) as Provider;
  const kiln = await startTestServer({
    provider,
    environment: { MCP_FILESYSTEM_ROOTS: files.path, ...options.environment },
  });
  const network = await startNetworkSwitch(new URL(kiln.url));
  const browser: Browser = await launchChromium();
  const pageErrors: string[] = [];
  const contexts: BrowserContext[] = [];

  const newPage = async (options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      colorScheme: 'light',
      ...options,
    });
    contexts.push(context);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: network.url });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  };

  return {
    kiln,
    provider,
    network,
    browser,
    /** The browser's address of Kiln (through the network switch). */
    url: network.url,
    /** The folder the filesystem MCP server may read. */
    files: files.path,
    pageErrors,
    newPage,
    screenshot: (page: Page, name: string) =>
      page.screenshot({ path: path.join(artifactsDirectory, `${name}.png`), fullPage: false }),
    async stop() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await network.close();
      await kiln.stop();
      await files.remove();
    },
  };
}

export type BrowserSession<Provider extends LlmProvider = PacedOfflineEngine> = Awaited<
  ReturnType<typeof startBrowserSession<Provider>>
>;

/**
 * The page's session token, read from its HttpOnly cookie (the browser context sees it; page scripts cannot), for
 * calling the API as the same user with a bearer token.
 */
export async function sessionToken(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name === 'kiln_session');
  if (!cookie) throw new Error('the page is not signed in (no kiln_session cookie)');
  return cookie.value;
}

/**
 * Signs a browser context in with a session token (from registering through the API), as Kiln's sign-in would:
 * the HttpOnly session cookie. The page gets its CSRF cookie from `/auth/me` when it loads.
 */
export async function signInWithToken(context: BrowserContext, url: string, token: string) {
  await context.addCookies([{ name: 'kiln_session', value: token, url, httpOnly: true, sameSite: 'Lax' }]);
}

/** The answer's live region: `aria-busy` is "true" while it streams. */
export const answerText = (answer: Locator) => answer.locator('[aria-live="polite"]');

/** Resolves once the answer has finished streaming. */
export async function answerFinished(answer: Locator) {
  await answer.locator('[aria-live="polite"][aria-busy="false"]').waitFor({ timeout: 30_000 });
}

/**
 * Signs a new account up from the sign-in page and waits for the empty chat (the first account of a Kiln is its
 * admin). The sign-in form stays on screen until the sign-up page has rendered: filling before then would type
 * into the old form's fields (seen under load as an empty Email on sign-up).
 */
export async function signUp(page: Page, url: string, email: string, password = 'correct horse battery') {
  await page.goto(url);
  await page.waitForURL('**/sign-in', { waitUntil: 'commit' });
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByRole('heading', { name: 'Create your account' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.waitForURL('**/c', { waitUntil: 'commit' });
}
