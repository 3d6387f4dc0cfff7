// A page's lazy component, which can be asked to load before React renders it (route-prefetch.ts).
import { createElement, lazy, type ComponentType, type ReactElement } from 'react';
import { loadNamespaces, type Namespace } from './i18n';

/** A lazy page that can be asked to load before React renders it. */
export type LazyPage = ComponentType & { preload: () => Promise<unknown> };

/**
 * React.lazy for a module's named export and the i18n namespaces it shows:
 * `lazyPage(() => import('./x-page'), 'XPage', ['x'])`. The chunk and the namespaces load together,
 * so the page never suspends a second time for its texts.
 */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K, namespaces: readonly Namespace[]): LazyPage {
  let loading: Promise<ComponentType> | undefined;
  let loaded: ComponentType | undefined;
  const preload = (): Promise<ComponentType> => (loading ??= Promise.all([load(), loadNamespaces(namespaces)]).then(([module]) => (loaded = module[name])));
  const Lazy = lazy(async () => ({ default: await preload() }));
  // A page already loaded (preloaded at the start, or seen before) renders at once. Through React.lazy
  // it would suspend for a tick all the same, and React keeps a Suspense fallback it has just shown for
  // at least 300 ms before revealing what it waited for: the board's cards came 0.3-0.5 s after their data.
  const Page = (): ReactElement => {
    const Loaded = loaded;
    return Loaded === undefined ? createElement(Lazy) : createElement(Loaded);
  };
  return Object.assign(Page, { preload });
}
