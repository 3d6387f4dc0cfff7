// The condition builder in a real Chromium, on its own page (test/fixtures/condition-builder,
// served by Vite's dev server — the component needs no engine): rows read from FEEL, edited with
// the keyboard and written back; a text the builder cannot show opens as FEEL with a note.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as createNetServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { expectNoSeriousAxeViolations, screenshot } from './support/index.js';
import { describeWithBrowser, launchChromium } from './support/chromium.js';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/condition-builder');
const VITE = join(dirname(fileURLToPath(import.meta.url)), '../../../node_modules/vite/bin/vite.js');

/** A free loopback port, for Vite's --strictPort. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The environment with colour turned off (picocolors reads any FORCE_COLOR, even '0', as on). */
function withoutColour(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _forced, ...rest } = env;
  return { ...rest, NO_COLOR: '1' };
}

/**
 * Vite's dev server in a child process (in jest's module sandbox its native bindings refuse
 * the sandbox's RegExp), resolved once it says where it listens. Colours are off: with `CI`
 * set Vite colours the port inside its URL, which hid the address the wait looks for. A
 * server that does not start is killed, or its child would keep jest (and CI) from exiting.
 */
async function startVite(): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [VITE, FIXTURE, '--config', join(FIXTURE, 'vite.config.mjs'), '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: withoutColour(process.env),
  });
  const url = `http://127.0.0.1:${port}/`;
  let output = '';
  const started = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`vite did not start within 60 s:\n${output}`)), 60_000);
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`127.0.0.1:${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', listen);
    child.stderr!.on('data', listen);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`vite exited with ${code}:\n${output}`));
    });
  });
  try {
    await started;
  } catch (error) {
    child.kill();
    throw error;
  }
  return { child, url };
}

describeWithBrowser('the condition builder', () => {
  let vite: ChildProcess | undefined;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    const started = await startVite();
    vite = started.child;
    base = started.url;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    vite?.kill();
  });

  async function open(value: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    const page = await browser.newPage({ viewport, locale: 'en-US' });
    page.setDefaultTimeout(30_000);
    await page.goto(`${base}?value=${encodeURIComponent(value)}`);
    await page.getByRole('tablist').waitFor();
    return page;
  }

  const emitted = (page: Page) => page.getByRole('status', { name: 'Emitted' }).or(page.getByLabel('Emitted'));

  it('given a condition of two rows, when edited with the keyboard, then each complete edit is written back as FEEL', async () => {
    const page = await open('= lead.budget >= 10000 and lead.source = "web"');
    expect(await page.getByRole('tab', { name: 'Builder' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByRole('group', { name: /^Row \d$/ }).count()).toBe(2);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'condition-builder-rows');

    const budget = page.getByLabel('Value of row 1');
    await budget.fill('5000');
    await expect_(emitted(page), '= lead.budget >= 5000 and lead.source = "web"');

    await page.getByText('Any row is true').click();
    await expect_(emitted(page), '= lead.budget >= 5000 or lead.source = "web"');

    // A new row: nothing is written until it is complete.
    await page.getByRole('button', { name: 'Add a row' }).click();
    const count = await emitted(page).getAttribute('data-count');
    await page.getByRole('combobox', { name: 'Field of row 3' }).click();
    await page.getByRole('option', { name: 'Close date' }).click();
    await page.getByRole('combobox', { name: 'Operator of row 3' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: 'is between' }).click();
    await page.getByLabel('Lowest value of row 3').fill('2026-03-01');
    expect(await page.getByText('The condition is saved once every row is complete.').isVisible()).toBe(true);
    expect(await emitted(page).getAttribute('data-count')).toBe(count);
    await page.getByLabel('Highest value of row 3').fill('2026-01-01');
    expect(await page.getByText('The lowest value is above the highest.').isVisible()).toBe(true);
    await page.getByLabel('Highest value of row 3').fill('2026-12-31');
    await expect_(emitted(page), '= lead.budget >= 5000 or lead.source = "web" or (date(deal.closeDate) between date("2026-03-01") and date("2026-12-31"))');
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'condition-builder-three-rows');

    await page.getByRole('button', { name: 'Remove row 2' }).press('Enter');
    await expect_(emitted(page), '= lead.budget >= 5000 or (date(deal.closeDate) between date("2026-03-01") and date("2026-12-31"))');

    // The FEEL tab shows the same text, and is reached with the arrow keys.
    await page.getByRole('tab', { name: 'Builder' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    expect(await page.getByLabel('Condition in FEEL').inputValue()).toBe(
      '= lead.budget >= 5000 or (date(deal.closeDate) between date("2026-03-01") and date("2026-12-31"))',
    );
    await page.close();
  });

  it('given a condition the builder cannot show, when opened, then it opens on the FEEL tab with a note, and rows come back once the text is simple', async () => {
    const page = await open('= lead.budget * 2 > 100');
    expect(await page.getByRole('tab', { name: 'FEEL' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByText('The builder cannot show this condition as rows; edit it here as FEEL.').isVisible()).toBe(true);
    expect(await page.getByRole('tab', { name: 'Builder' }).isDisabled()).toBe(true);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'condition-builder-feel-note');

    const text = page.getByLabel('Condition in FEEL');
    await text.fill('= lead.budget >');
    expect(await page.getByRole('alert').textContent()).toContain('This text is not valid FEEL');
    await expect_(emitted(page), '= lead.budget >');
    await text.fill('= lead.budget > 100 and lead.qualified = true');
    await expect_(emitted(page), '= lead.budget > 100 and lead.qualified = true');
    await page.getByRole('tab', { name: 'Builder' }).click();
    expect(await page.getByLabel('Value of row 1').inputValue()).toBe('100');
    expect(await page.getByRole('combobox', { name: 'Value of row 2' }).inputValue()).toBe('yes');
    await page.close();
  });

  it('given no condition in a panel as narrow as the properties panel, when opened, then the builder says so and offers a row', async () => {
    const page = await open('', { width: 360, height: 800 });
    expect(await page.getByText('No condition: add a row, or write FEEL.').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Add a row' }).click();
    await page.getByLabel('Value of row 1').fill('250');
    await expect_(emitted(page), '= lead.budget = 250');
    await page.getByRole('button', { name: 'Add a row' }).click();
    await page.getByRole('combobox', { name: 'Operator of row 2' }).click();
    await page.getByRole('option', { name: 'is one of' }).click();
    await page.getByRole('combobox', { name: 'Values of row 2' }).fill('10');
    await page.keyboard.press('Enter');
    await page.getByRole('combobox', { name: 'Values of row 2' }).fill('20');
    await page.keyboard.press('Enter');
    await expect_(emitted(page), '= lead.budget = 250 and (lead.budget in (10, 20))');
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'condition-builder-narrow');
    await page.close();
  });
});

/** Waits until the locator's text is the expected one (the builder writes on the next render). */
async function expect_(locator: ReturnType<Page['getByLabel']>, text: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  let seen = '';
  while (Date.now() < deadline) {
    seen = (await locator.textContent()) ?? '';
    if (seen === text) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(seen).toBe(text);
}
