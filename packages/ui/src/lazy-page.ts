// Route pages split into their own chunks, without the wait React adds when a page is revealed under a
// Suspense boundary (it holds the content until 300 ms after the fallback showed). A module starts
// loading the page its address names while the module itself loads (preloadPageFor), so on a reload
// the page renders at once; any other page still loads on demand through React.lazy.
import { createElement, lazy, type ComponentType } from 'react';
import { matchRoutes, type RouteObject } from 'react-router';

export interface LazyPage {
  (props: object): ReturnType<typeof createElement>;
  /** Starts loading the page's chunk (once); resolves when it can render without suspending. */
  preload(): Promise<void>;
}

export function lazyPage(load: () => Promise<{ default: ComponentType }>): LazyPage {
  let loaded: ComponentType | undefined;
  let loading: Promise<{ default: ComponentType }> | undefined;
  const start = () =>
    (loading ??= load().then((module) => {
      loaded = module.default;
      return module;
    }));
  const Lazy = lazy(start);
  const Page = ((props: object) => createElement(loaded ?? Lazy, props)) as LazyPage;
  Page.preload = () => start().then(() => undefined);
  return Page;
}

/** A module's page under its unit (`:cellId/members`): `path` relative to the unit, none for the unit's index page. */
export interface PageRoute {
  path?: string;
  page: LazyPage;
}

/**
 * Loads the page the current address names, for a module whose pages live under one unit id
 * (`/<unitId>/…` standalone, `/<module>/<unitId>/…` in the shell). Never rejects: a page that could
 * not be preloaded is loaded again, with its error shown, when it renders.
 */
export function preloadPageFor(pages: readonly PageRoute[], pathname = globalThis.location?.pathname ?? '/'): Promise<void> {
  const routes: RouteObject[] = [
    { path: ':unitId', children: pages.map((route, index) => (route.path ? { path: route.path, id: String(index) } : { index: true, id: String(index) })) },
  ];
  const mountedAt = [pathname, pathname.replace(/^\/[^/]+/, '')];
  for (const candidate of mountedAt) {
    const match = matchRoutes(routes, candidate)?.at(-1);
    const page = match?.route.id === undefined ? undefined : pages[Number(match.route.id)];
    if (page) return page.page.preload().catch(() => undefined);
  }
  return Promise.resolve();
}
