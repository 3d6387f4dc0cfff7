import { createElement, Suspense } from 'react';
import { renderToString } from 'react-dom/server';
import { lazyPage } from './lazy-page';

function Greeting() {
  return createElement('p', null, 'the page');
}

/** Renders `Page` inside a Suspense boundary, as the app layout does; what shows without waiting. */
function drawnAtOnce(Page: ReturnType<typeof lazyPage>): string {
  return renderToString(createElement(Suspense, { fallback: createElement('p', null, 'loading') }, createElement(Page)));
}

/** A lazy page whose chunk loads at once, counting how often it was asked for. */
function countingPage() {
  let loads = 0;
  const Page = lazyPage(
    () => {
      loads++;
      return Promise.resolve({ Greeting });
    },
    'Greeting',
    [],
  );
  return { Page, loads: () => loads };
}

describe('a lazy page', () => {
  it('given a page not loaded yet, when rendered, then its Suspense fallback shows while the chunk loads', () => {
    const Page = lazyPage(() => new Promise<{ Greeting: typeof Greeting }>(() => undefined), 'Greeting', []);

    expect(drawnAtOnce(Page)).toContain('loading');
  });

  it('given a page preloaded, when rendered, then it draws at once without suspending', async () => {
    const { Page, loads } = countingPage();

    await Page.preload();

    expect(drawnAtOnce(Page)).toContain('the page');
    expect(loads()).toBe(1);
  });

  it('given a preload asked twice, then the chunk is loaded once', async () => {
    const { Page, loads } = countingPage();

    await Promise.all([Page.preload(), Page.preload()]);

    expect(loads()).toBe(1);
  });
});
