import { Route, Routes } from '@dangvien/ui';
import { useTranslation } from 'react-i18next';
import { addTranslations, CurrentUnitRedirect, lazyPage, preloadPageFor, type PageRoute, type RemoteAppProps } from '@dangvien/ui';
import { BasePathContext } from './layout/basePath.ts';
import { WardLayout } from './layout/WardLayout.tsx';
import { en, vi } from './messages.ts';

addTranslations('ward', { vi, en });

// Each page is its own chunk, loaded when first opened (the one the address names, with the module).
const HomePage = lazyPage(() => import('./home/HomePage.tsx'));
const CellsPage = lazyPage(() => import('./cells/CellsPage.tsx'));
const MembersPage = lazyPage(() => import('./members/MembersPage.tsx'));
const TransfersPage = lazyPage(() => import('./transfers/TransfersPage.tsx'));
const ResidencePage = lazyPage(() => import('./residence/ResidencePage.tsx'));
const GradingPage = lazyPage(() => import('./grading/GradingPage.tsx'));
const DuesPage = lazyPage(() => import('./dues/DuesPage.tsx'));
const ImportPage = lazyPage(() => import('./import/ImportPage.tsx'));

/** The pages under the unit (the routes below are made from this list): the one the address names loads with the module. */
const PAGES: PageRoute[] = [
  { page: HomePage },
  { path: 'cells/*', page: CellsPage },
  { path: 'members/*', page: MembersPage },
  { path: 'transfers/*', page: TransfersPage },
  { path: 'residence/*', page: ResidencePage },
  { path: 'grading/*', page: GradingPage },
  { path: 'dues/*', page: DuesPage },
  { path: 'import', page: ImportPage },
];
await preloadPageFor(PAGES);

/** Routes are relative, so they match under the shell's /ward/* and at / standalone. */
export default function App({ basePath }: RemoteAppProps) {
  const { t } = useTranslation('ward');
  const openDefault = <CurrentUnitRedirect kind="GRASSROOTS_COMMITTEE" basePath={basePath} title={t('title')} />;
  return (
    <BasePathContext value={basePath}>
      <Routes>
        <Route index element={openDefault} />
        <Route path=":committeeId" element={<WardLayout />}>
          {PAGES.map(({ path, page: Page }) =>
            path ? <Route key={path} path={path} element={<Page />} /> : <Route key="index" index element={<Page />} />,
          )}
        </Route>
        <Route path="*" element={openDefault} />
      </Routes>
    </BasePathContext>
  );
}
