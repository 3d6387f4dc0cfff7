// Text that would run a script if a screen rendered it as HTML. The specs give it as names, titles
// and user names, then check that it shows as text and that its script never ran.
import type { Page } from 'playwright-core';

export const MARKUP = '<img src=x onerror=window.__xss=1>';

/** What MARKUP's script sets, had it run on `page`; undefined while none has. */
export function scriptMark(page: Page): Promise<unknown> {
  return page.evaluate(() => (globalThis as { __xss?: unknown }).__xss);
}
