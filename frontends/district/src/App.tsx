import { Route, Routes } from '@dangvien/ui';
import { addTranslations, lazyPage, preloadPageFor, type PageRoute, type RemoteAppProps } from '@dangvien/ui';
import { BasePathContext } from './layout/basePath.ts';
import { DistrictLayout } from './layout/DistrictLayout.tsx';
import { DistrictRedirect } from './layout/DistrictRedirect.tsx';
import { en, vi } from './messages.ts';

addTranslations('district', { vi, en });

// Each page is its own chunk, loaded when first opened (the one the address names, with the module).
const DashboardPage = lazyPage(() => import('./dashboard/DashboardPage.tsx'));
const TreePage = lazyPage(() => import('./tree/TreePage.tsx'));
const DelegationsPage = lazyPage(() => import('./delegations/DelegationsPage.tsx'));
const QualityPage = lazyPage(() => import('./quality/QualityPage.tsx'));
const BadgesPage = lazyPage(() => import('./badges/BadgesPage.tsx'));
const ImportPage = lazyPage(() => import('./import/ImportPage.tsx'));

/** The pages under the open top unit (the routes below are made from this list). */
const PAGES: PageRoute[] = [
  { page: DashboardPage },
  // The dashboard's drill-down: a unit below the open one (?from=…&to=… keeps the period).
  { path: 'units/:focusId', page: DashboardPage },
  { path: 'tree/*', page: TreePage },
  { path: 'delegations/*', page: DelegationsPage },
  { path: 'quality/*', page: QualityPage },
  { path: 'badges/*', page: BadgesPage },
  { path: 'import', page: ImportPage },
];
await preloadPageFor(PAGES);

/** Routes are relative, so they match under the shell's /district/* and at / standalone. */
export default function App({ basePath }: RemoteAppProps) {
  const openDefault = <DistrictRedirect basePath={basePath} />;
  return (
    <BasePathContext value={basePath}>
      <Routes>
        <Route index element={openDefault} />
        <Route path=":unitId" element={<DistrictLayout />}>
          {PAGES.map(({ path, page: Page }) =>
            path ? <Route key={path} path={path} element={<Page />} /> : <Route key="index" index element={<Page />} />,
          )}
        </Route>
        <Route path="*" element={openDefault} />
      </Routes>
    </BasePathContext>
  );
}
