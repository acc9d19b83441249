import { lazy } from 'react';
import { Route, Routes } from '@dangvien/ui';
import { useTranslation } from 'react-i18next';
import { addTranslations, CurrentUnitRedirect, type RemoteAppProps } from '@dangvien/ui';
import { BasePathContext } from './layout/basePath.ts';
import { WardLayout } from './layout/WardLayout.tsx';
import { en, vi } from './messages.ts';

addTranslations('ward', { vi, en });

// Each page is its own chunk, loaded when first opened.
const HomePage = lazy(() => import('./home/HomePage.tsx'));
const CellsPage = lazy(() => import('./cells/CellsPage.tsx'));
const MembersPage = lazy(() => import('./members/MembersPage.tsx'));
const TransfersPage = lazy(() => import('./transfers/TransfersPage.tsx'));
const ResidencePage = lazy(() => import('./residence/ResidencePage.tsx'));
const GradingPage = lazy(() => import('./grading/GradingPage.tsx'));
const DuesPage = lazy(() => import('./dues/DuesPage.tsx'));
const ImportPage = lazy(() => import('./import/ImportPage.tsx'));

/** Routes are relative, so they match under the shell's /ward/* and at / standalone. */
export default function App({ basePath }: RemoteAppProps) {
  const { t } = useTranslation('ward');
  const openDefault = <CurrentUnitRedirect kind="GRASSROOTS_COMMITTEE" basePath={basePath} title={t('title')} />;
  return (
    <BasePathContext value={basePath}>
      <Routes>
        <Route index element={openDefault} />
        <Route path=":committeeId" element={<WardLayout />}>
          <Route index element={<HomePage />} />
          <Route path="cells/*" element={<CellsPage />} />
          <Route path="members/*" element={<MembersPage />} />
          <Route path="transfers/*" element={<TransfersPage />} />
          <Route path="residence/*" element={<ResidencePage />} />
          <Route path="grading/*" element={<GradingPage />} />
          <Route path="dues/*" element={<DuesPage />} />
          <Route path="import" element={<ImportPage />} />
        </Route>
        <Route path="*" element={openDefault} />
      </Routes>
    </BasePathContext>
  );
}
