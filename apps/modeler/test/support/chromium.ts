// Debian's Chromium, driven by playwright-core. A developer machine with only Node.js has none:
// there the browser suites are skipped with a loud warning; CI (.ci/run) installs it and sets
// STAGEFLOW_REQUIRE_BROWSER=1, which turns a missing browser into a failure.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.STAGEFLOW_CHROMIUM ?? '/usr/bin/chromium';

/** Headless flags for a container: no sandbox (no user namespaces), no GPU, nothing phoning home. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumInstalled(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export function browserRequired(): boolean {
  return process.env.STAGEFLOW_REQUIRE_BROWSER === '1';
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/**
 * `describe` for a suite that needs Chromium: without it, a failing test naming the fix when the
 * browser is required, else the suite skipped with a warning on stderr.
 */
export function describeWithBrowser(name: string, body: () => void): void {
  if (chromiumInstalled()) {
    describe(name, body);
    return;
  }
  const message = `${CHROMIUM_PATH} is missing: install Debian's chromium (apt-get install -y chromium) or set STAGEFLOW_CHROMIUM`;
  if (browserRequired()) {
    describe(name, () => {
      it('needs Chromium (STAGEFLOW_REQUIRE_BROWSER=1)', () => {
        throw new Error(message);
      });
    });
    return;
  }
  process.stderr.write(`\n!!! BROWSER TESTS SKIPPED: ${message}. "${name}" did not run. !!!\n\n`);
  describe.skip(name, body);
}
