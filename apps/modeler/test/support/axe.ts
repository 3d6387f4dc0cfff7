// Accessibility checked by axe-core in the page. The engine's CSP allows only its own scripts, so
// axe is not added as a <script>: its source is evaluated through the DevTools protocol
// (page.evaluate), which the page's CSP does not govern, and nothing about the page is relaxed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Runs axe (WCAG 2.1 A and AA) on the page once its transitions have settled and fails on any
 * serious or critical violation. Settled first: colours read mid-fade (a dialog's overlay coming in
 * over a just-clicked button, a closing dialog's text) are no state a user reads, yet axe measured
 * them as contrast failures on a loaded machine.
 */
export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    interface RunningAnimation {
      playState: string;
      effect: { getComputedTiming(): { endTime?: number } } | null;
    }
    const { document } = globalThis as unknown as { document: { getAnimations(): RunningAnimation[] } };
    // A spinner's endless animation never settles: only the finite ones (fades, slides) are awaited.
    const finite = (animation: RunningAnimation): boolean => Number.isFinite(animation.effect?.getComputedTiming().endTime ?? 0);
    return document.getAnimations().every((animation) => animation.playState !== 'running' || !finite(animation));
  });
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // Runs in the page: globalThis is its window (the test's own types have no DOM).
    const { axe, document } = globalThis as unknown as {
      axe: { run(context: unknown, options: object): Promise<{ violations: AxeViolation[] }> };
      document: unknown;
    };
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })),
    }));
  });
  const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  if (serious.length > 0) {
    const lines = serious.map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help}\n` +
        violation.nodes.map((node) => `    at ${JSON.stringify(node.target)}: ${node.failureSummary ?? ''}`).join('\n'),
    );
    throw new Error(`axe found ${serious.length} serious violation(s) on ${page.url()}:\n${lines.join('\n')}`);
  }
}
