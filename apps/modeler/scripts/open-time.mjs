// How long a page of the web app takes to open in Chromium, as a user sees it: from the navigation
// until the page's content is drawn (the script says what that is). Shared by board-open-time.mjs and
// process-list-open-time.mjs. Not a test (no timing is asserted anywhere): measurements for
// docs/performance.md, run against an engine serving the built web app.
// The first run opens with an empty browser cache (cold); the others in the same browser (warm assets).
import { chromium } from 'playwright-core';

/** The command line every such script takes: <engine url> <username> <password> [runs]. */
export function argumentsOf(script) {
  const [baseURL, username, password, runsText = '10'] = process.argv.slice(2);
  if (!baseURL || !username || !password) {
    process.stderr.write(`usage: ${script} <engine url> <username> <password> [runs]\n`);
    process.exit(2);
  }
  return { baseURL, username, password, runs: Number(runsText) };
}

/**
 * When each of `paths` (API paths) was asked for and when it had answered, in milliseconds from the
 * navigation's start, from the page's resource timing: how long the app's start kept the page from
 * asking, and how long the drawing took after the answer.
 */
function readsOf(page, paths) {
  return page.evaluate((wanted) => {
    const entries = performance.getEntriesByType('resource');
    return Object.fromEntries(
      wanted.map((path) => {
        const entry = entries.find((each) => new URL(each.name).pathname === path);
        return [path, entry === undefined ? null : { askedMs: Math.round(entry.startTime), answeredMs: Math.round(entry.responseEnd) }];
      }),
    );
  }, paths);
}

/**
 * Signs `username` in once, then opens `path` `runs` times, each in a new tab of the same browser.
 * `drawn(page)` resolves once the page shows what the user came for; `reads` names the API paths
 * whose timing to report (e.g. `/api/v1/board`); `count(page)` may add a figure per run.
 * Prints the runs and the cold, warm median and warm max times as JSON.
 */
export async function measureOpenTime({ baseURL, username, password, runs }, { path, drawn, reads = [], count }) {
  const browser = await chromium.launch({
    executablePath: process.env.STAGEFLOW_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const signIn = await context.newPage();
    await signIn.goto('/sign-in');
    await signIn.getByLabel('Username', { exact: true }).fill(username);
    await signIn.getByLabel('Password', { exact: true }).fill(password);
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    await signIn.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await signIn.close();

    const timings = [];
    for (let run = 0; run < runs; run++) {
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(path);
      await drawn(page);
      const openedMs = Math.round(performance.now() - started);
      timings.push({ run, openedMs, reads: await readsOf(page, reads), ...(count === undefined ? {} : await count(page)) });
      await page.close();
    }
    const warm = timings
      .slice(1)
      .map((timing) => timing.openedMs)
      .sort((a, b) => a - b);
    const median = warm.length === 0 ? null : warm[Math.floor((warm.length - 1) / 2)];
    process.stdout.write(`${JSON.stringify({ runs: timings, coldMs: timings[0]?.openedMs, warmMedianMs: median, warmMaxMs: warm.at(-1) ?? null }, null, 2)}\n`);
  } finally {
    await browser.close();
  }
}
