// `npm run bench:client`: the web client's first-load cost in Debian's Chromium against a real Kiln on
// localhost: the JavaScript a first visit fetches (gzipped; lazy chunks such as the highlighter excluded) and the
// time from navigation until the page is usable. Each run is a fresh browser context (cold cache). Prints a
// Markdown table for docs/benchmarks.md and exits non-zero when a budget is missed.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { signInWithToken } from '../tests/browser/support/browser-session.ts';
import { launchChromium } from '../tests/browser/support/chromium.ts';
import {
  firstLoadBudgetMs,
  initialJavaScriptBudgetBytes,
  measureFirstLoad,
  type FirstLoad,
} from '../tests/browser/support/measure-first-load.ts';
import { repositoryRoot } from '../tests/support/kiln-process.ts';
import { startTestServer } from '../tests/support/test-server.ts';

const runs = Number(process.argv[2] ?? 5);

const build = spawnSync(process.execPath, [path.join(repositoryRoot, 'scripts', 'build-client.mjs')], {
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(1);

const kiln = await startTestServer();
const browser = await launchChromium();
try {
  const { token } = await kiln.register('bench@example.com');
  const conversation = await kiln.newConversation(token);
  await kiln.api('POST', `/conversations/${conversation.id}/messages`, {
    token,
    body: { content: 'How do I debounce a function in TypeScript?' },
    headers: { accept: 'text/event-stream' },
  });

  const scenarios = {
    'sign-in page (first visit)': { path: '/sign-in', token: null, ready: 'Email' },
    'conversation with a cited answer (signed in)': { path: `/c/${conversation.id}`, token, ready: 'Message' },
  } as const;

  const results: Record<string, FirstLoad[]> = {};
  for (const [scenario, { path: route, token: storedToken, ready }] of Object.entries(scenarios)) {
    results[scenario] = [];
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      // Signed in as the web client is: the session in its HttpOnly cookie.
      if (storedToken) await signInWithToken(context, kiln.url, storedToken);
      results[scenario]!.push(
        await measureFirstLoad(page, `${kiln.url}${route}`, (loaded) =>
          loaded.getByLabel(ready, { exact: true }).waitFor(),
        ),
      );
      await context.close();
    }
  }

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const version = spawnSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(
    `\n${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}, ${version} · ${runs} cold loads each\n`,
  );
  console.log(
    '| first load | initial JS (gzip) | files | lazy JS loaded too (gzip) | ready median ms | ready max ms | budget |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  let missed = false;
  for (const [scenario, loads] of Object.entries(results)) {
    const bytes = Math.max(...loads.map((load) => load.gzipBytes));
    const ready = loads.map((load) => load.readyMs);
    missed ||= bytes > initialJavaScriptBudgetBytes || median(ready) > firstLoadBudgetMs;
    const lazyBytes = Math.max(
      ...loads.map((load) => load.lazyScripts.reduce((sum, script) => sum + script.gzipBytes, 0)),
    );
    console.log(
      `| ${scenario} | ${(bytes / 1024).toFixed(1)} KB | ${loads[0]!.scripts.length} | ${(lazyBytes / 1024).toFixed(1)} KB | ${median(ready)} | ${Math.max(...ready)} | ≤ ${initialJavaScriptBudgetBytes / 1024} KB, ≤ ${firstLoadBudgetMs} ms |`,
    );
  }
  console.log(missed ? '\nBudget missed.' : '\nBudget met.');
  process.exitCode = missed ? 1 : 0;
} finally {
  await browser.close();
  await kiln.stop();
}
