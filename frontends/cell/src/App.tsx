import { lazy } from 'react';
import { Route, Routes } from '@dangvien/ui';
import { useTranslation } from 'react-i18next';
import { addTranslations, CurrentUnitRedirect, type RemoteAppProps } from '@dangvien/ui';
import { BasePathContext } from './layout/basePath.ts';
import { CellLayout } from './layout/CellLayout.tsx';
import { vi } from './messages.ts';

addTranslations('cell', { vi });

// Each page is its own chunk, loaded when first opened: the home page does not carry the minutes' print layout.
const HomePage = lazy(() => import('./home/HomePage.tsx'));
const MembersPage = lazy(() => import('./members/MembersPage.tsx'));
const MemberPage = lazy(() => import('./members/MemberPage.tsx'));
const MeetingsPage = lazy(() => import('./meetings/MeetingsPage.tsx'));
const MeetingFormPage = lazy(() => import('./meetings/MeetingFormPage.tsx'));
const MeetingPage = lazy(() => import('./meetings/MeetingPage.tsx'));
const TasksPage = lazy(() => import('./tasks/TasksPage.tsx'));
const ReviewPage = lazy(() => import('./review/ReviewPage.tsx'));
const ResidencePage = lazy(() => import('./residence/ResidencePage.tsx'));
const DuesPage = lazy(() => import('./dues/DuesPage.tsx'));

/** Routes are relative, so they match under the shell's /cell/* and at / standalone. */
export default function App({ basePath }: RemoteAppProps) {
  const { t } = useTranslation('cell');
  const openDefault = <CurrentUnitRedirect kind="CELL" basePath={basePath} title={t('title')} />;
  return (
    <BasePathContext value={basePath}>
      <Routes>
        <Route index element={openDefault} />
        <Route path=":cellId" element={<CellLayout />}>
          <Route index element={<HomePage />} />
          <Route path="members" element={<MembersPage />} />
          <Route path="members/:memberId" element={<MemberPage />} />
          <Route path="meetings" element={<MeetingsPage />} />
          <Route path="meetings/new" element={<MeetingFormPage />} />
          <Route path="meetings/:meetingId" element={<MeetingPage />} />
          <Route path="meetings/:meetingId/edit" element={<MeetingFormPage />} />
          <Route path="tasks" element={<TasksPage />} />
          <Route path="review" element={<ReviewPage />} />
          <Route path="residence" element={<ResidencePage />} />
          <Route path="dues" element={<DuesPage />} />
        </Route>
        <Route path="*" element={openDefault} />
      </Routes>
    </BasePathContext>
  );
}
