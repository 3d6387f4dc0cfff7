// How long the pipeline board takes to open in Chromium, as a user sees it: from the navigation to
// /workspace/board until every column and the first cards are drawn. Not a test (no timing is
// asserted anywhere): a measurement for docs/performance.md, run against an engine serving the built
// web app on a large pipeline (tools/bench/dist/board/board-main.js --serve prints one).
//   node apps/modeler/scripts/board-open-time.mjs <engine url> <username> <password> [runs]
// The first run opens with an empty browser cache (cold); the others in the same browser (warm assets).
import { chromium } from 'playwright-core';

const [baseURL, username, password, runsText = '10'] = process.argv.slice(2);
if (!baseURL || !username || !password) {
  process.stderr.write('usage: board-open-time.mjs <engine url> <username> <password> [runs]\n');
  process.exit(2);
}
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
  for (let run = 0; run < Number(runsText); run++) {
    const page = await context.newPage();
    const started = performance.now();
    await page.goto('/workspace/board');
    await page.locator('section[data-stage]').nth(5).waitFor();
    await page.locator('[data-card-id]').first().waitFor();
    const openedMs = performance.now() - started;
    const cards = await page.locator('[data-card-id]').count();
    // When GET /board's answer had arrived, counted from the navigation's start: the rest is drawing it.
    const boardAnsweredMs = await page.evaluate(() => {
      const entry = performance.getEntriesByType('resource').find((each) => new URL(each.name).pathname === '/api/v1/board');
      return entry === undefined ? null : Math.round(entry.responseEnd);
    });
    timings.push({ run, openedMs: Math.round(openedMs), boardAnsweredMs, cards });
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
